"""Benchmark: the HR reports page and the PDF report, on the data in DATABASE_URL.

Run it on the demo database (``make demo`` / ``load_demo_content``) or on the data
``bench/gap_report.py`` leaves behind. It signs in the HR person (a session with a
completed second factor, as allauth records it; a person without an authenticator gets
one, so use a throw-away database; for the embedded SQLite demo pass
``DJANGO_SETTINGS_MODULE=lms.settings.dev``), requests ``/competencies/reports/`` in-process
(Django test client: middleware, session, templates, charts) and builds the PDF the
export task builds, and prints p50 / p95 server time and the page's query count.

    DJANGO_SETTINGS_MODULE=lms.settings.dev \\
        python bench/reports_page.py --email hr@example.org --requests 40 --pdfs 8
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/qd_bench \\
        python bench/reports_page.py --email hr.bench@example.org
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")

import django  # noqa: E402

django.setup()

from allauth.mfa.models import Authenticator  # noqa: E402
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from competencies import reporting, services  # noqa: E402


def signed_in_client(email: str) -> Client:
    user = get_user_model().objects.get(email=email)
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, generate_totp_secret())
    client = Client()
    client.force_login(user)
    session = client.session
    session["account_authentication_methods_user"] = str(user.pk)
    session["account_authentication_methods"] = [
        {"method": "mfa", "type": "totp", "at": time.time()}
    ]
    session.save()
    return client, user


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--email", default="hr@example.org")
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--pdfs", type=int, default=8)
    args = parser.parse_args()
    setup_test_environment()
    client, user = signed_in_client(args.email)
    url = "/competencies/reports/"
    for _warm_up in range(2):
        assert client.get(url).status_code == 200
    page_ms = []
    for _index in range(args.requests):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            page_ms.append(1000 * (time.perf_counter() - start))
        assert response.status_code == 200, response.status_code
    pdf_ms = []
    for _index in range(args.pdfs):
        start = time.perf_counter()
        report = reporting.report_build(user=user, filters=reporting.ReportFilters())
        services.report_pdf(report)
        pdf_ms.append(1000 * (time.perf_counter() - start))
    p50, p95 = percentiles(page_ms)
    print(f"reports_page_p50_ms    {p50:8.1f}")
    print(f"reports_page_p95_ms    {p95:8.1f}")
    print(f"reports_page_queries   {len(queries.captured_queries):8d}")
    if pdf_ms:
        p50, p95 = percentiles(pdf_ms)
        print(f"report_pdf_p50_ms      {p50:8.1f}")
        print(f"report_pdf_p95_ms      {p95:8.1f}")


if __name__ == "__main__":
    main()
