from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "lms.demo"
    label = "demo"
    verbose_name = "Demo"
