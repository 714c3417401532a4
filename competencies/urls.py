from django.urls import path

from competencies import views

app_name = "competencies"
urlpatterns = [
    path("me/", views.my_profile, name="me"),
    path("me/<int:competency_id>/self-assessment/", views.self_assess, name="self_assess"),
    path("me/<int:competency_id>/evidence/", views.evidence_trail, name="evidence"),
    path("reports/", views.reports, name="reports"),
    path("reports/export/", views.report_export, name="report_export"),
    path("reports/schedule/", views.report_schedule, name="report_schedule"),
    path("reports/schedules/", views.schedules, name="schedules"),
    path("reports/schedules/<int:schedule_id>/", views.schedule_change, name="schedule_change"),
    path(
        "reports/schedules/<int:schedule_id>/delete/",
        views.schedule_delete,
        name="schedule_delete",
    ),
    path("reports/exports/<uuid:export_id>/", views.export_status, name="export_status"),
    path(
        "reports/exports/<uuid:export_id>/status.json",
        views.export_status_json,
        name="export_status_json",
    ),
    path(
        "reports/exports/<uuid:export_id>/download/",
        views.export_download,
        name="export_download",
    ),
    path("reports/people/", views.individual_profiles, name="people"),
]
