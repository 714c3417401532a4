from django.urls import path

from lms.assignments import team, views

app_name = "assignments"
urlpatterns = [
    path("", views.my_deadlines, name="my_deadlines"),
    path("calendar/", views.calendar_feed_change, name="calendar_feed"),
    path("calendar/<str:token>.ics", views.calendar, name="calendar"),
]

team_urlpatterns = (
    [
        path("", team.team, name="team"),
        path("units/", team.hr_status, name="hr_status"),
    ],
    "team",
)
