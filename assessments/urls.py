from django.urls import path

from assessments import views

app_name = "assessments"
urlpatterns = [
    path("check/", views.knowledge_check, name="knowledge_check"),
    path("attempt/<uuid:attempt_uuid>/", views.attempt_take, name="attempt"),
    path("attempt/<uuid:attempt_uuid>/autosave/", views.attempt_autosave, name="autosave"),
    path("attempt/<uuid:attempt_uuid>/result/", views.attempt_result, name="result"),
    path("<uuid:assessment_uuid>/", views.assessment_detail, name="detail"),
    path("<uuid:assessment_uuid>/start/", views.attempt_start, name="start"),
]
