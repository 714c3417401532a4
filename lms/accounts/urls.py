from django.urls import path

from lms.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.my_account, name="my_account"),
    path("consent/", views.consent_update, name="consent_update"),
    path("export.json", views.personal_data_download, {"fmt": "json"}, name="personal_data_json"),
    path("export.zip", views.personal_data_download, {"fmt": "zip"}, name="personal_data_zip"),
]
