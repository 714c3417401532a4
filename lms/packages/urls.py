from django.urls import path, re_path

from lms.packages import views

app_name = "packages"
urlpatterns = [
    re_path(
        r"^files/(?P<package_uuid>[0-9a-f-]{36})/(?P<path>.+)$", views.package_file, name="file"
    ),
    path("cmi5/fetch/<str:token>/", views.cmi5_fetch, name="fetch"),
    path("<uuid:package_uuid>/", views.launch_page, name="launch"),
    path("unit/<int:page_id>/start/", views.unit_start, name="unit_start"),
]
