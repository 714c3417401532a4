from django.urls import path

from lms.home import views

app_name = "home"
urlpatterns = [
    path("accessibility/", views.accessibility_feedback, name="accessibility_feedback"),
    path(
        "accessibility/thanks/",
        views.accessibility_feedback_thanks,
        name="accessibility_feedback_thanks",
    ),
]
