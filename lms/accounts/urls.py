from django.urls import path

from lms.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.my_account, name="my_account"),
    path("consent/", views.consent_update, name="consent_update"),
]
