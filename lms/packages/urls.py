from django.urls import path

from lms.packages import views

app_name = "packages"
urlpatterns = [
    path("files/<uuid:package_uuid>/<path:path>", views.package_file, name="file"),
    path("cmi5/fetch/<str:token>/", views.cmi5_fetch, name="fetch"),
    path("scorm/player/", views.scorm_player, name="scorm_player"),
    path("scorm/assets/<str:name>", views.scorm_asset, name="scorm_asset"),
    path("scorm/runtime/", views.scorm_runtime, name="scorm_runtime"),
    path("<uuid:package_uuid>/", views.launch_page, name="launch"),
    path("unit/<int:page_id>/start/", views.unit_start, name="unit_start"),
]
