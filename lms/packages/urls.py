from django.urls import path

from lms.packages import views

app_name = "packages"
urlpatterns = [
    path("files/<uuid:package_uuid>/<path:path>", views.package_file, name="file"),
    path("cmi5/fetch/<str:token>/", views.cmi5_fetch, name="fetch"),
    path("<uuid:package_uuid>/", views.launch_page, name="launch"),
    path("unit/<int:page_id>/start/", views.unit_start, name="unit_start"),
]
