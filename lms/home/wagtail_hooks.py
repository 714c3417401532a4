from wagtail import hooks

from lms.home.admin_csp import admin_init_script


@hooks.register("insert_global_admin_js")
def start_admin_widgets_without_inline_scripts():
    return admin_init_script()
