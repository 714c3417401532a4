"""Celery tasks: fetch by id, call one service."""

from celery import shared_task

from competencies import projection, services


@shared_task(name="competencies.tasks.framework_import_task", ignore_result=True)
def framework_import_task(job_id: str) -> None:
    services.import_job_run(job_id=job_id)


@shared_task(name="competencies.tasks.report_export_task", ignore_result=True)
def report_export_task(export_id: str) -> None:
    services.report_export_run(export_id=export_id)


@shared_task(name="competencies.tasks.scheduled_reports_task", ignore_result=True)
def scheduled_reports_task() -> None:
    services.scheduled_reports_run()


@shared_task(name="competencies.tasks.refresh_expired_profiles_task", ignore_result=True)
def refresh_expired_profiles_task() -> None:
    projection.profiles_refresh_expired()
