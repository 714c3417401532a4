from django.urls import path

from courses import views

app_name = "courses"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("catalogue/", views.catalogue, name="catalogue"),
    path("courses/<int:page_id>/enrol/", views.course_enrol, name="course_enrol"),
    path("courses/<int:page_id>/continue/", views.course_continue, name="course_continue"),
    path("courses/<int:page_id>/retake/", views.course_retake, name="course_retake"),
    path(
        "lessons/<int:page_id>/experienced/",
        views.lesson_experienced,
        name="lesson_experienced",
    ),
    path("lessons/<int:page_id>/complete/", views.lesson_complete, name="lesson_complete"),
    path(
        "lessons/<int:page_id>/simulators/<uuid:block_id>/evaluate/",
        views.simulator_evaluate,
        name="simulator_evaluate",
    ),
    path(
        "lessons/<int:page_id>/simulators/<uuid:block_id>/explain/",
        views.simulator_submit,
        name="simulator_submit",
    ),
    path("certificates/verify/", views.certificate_verify, name="certificate_verify"),
    path("certificates/<str:code>.pdf", views.certificate_pdf, name="certificate_pdf"),
]
