"""Learner pages (deadlines, calendar feed) and the team and HR status views."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses import selectors as course_selectors
from lms.assignments import ical, selectors, services


@login_required
def my_deadlines(request):
    feed = selectors.feed_of(user=request.user)
    feed_url = (
        request.build_absolute_uri(reverse("assignments:calendar", args=[feed.token]))
        if feed
        else ""
    )
    return render(
        request,
        "assignments/my_deadlines.html",
        {"deadlines": selectors.person_deadlines(user=request.user), "feed_url": feed_url},
    )


@login_required
@require_POST
def calendar_feed_change(request):
    if request.POST.get("action") == "revoke":
        services.calendar_feed_revoke(user=request.user)
    else:
        services.calendar_feed_regenerate(user=request.user)
    return redirect("assignments:my_deadlines")


def calendar(request, token):
    """The person's deadlines; the secret address is the only key (calendar apps cannot
    sign in), so it shows nothing but that person's deadlines."""
    feed = selectors.feed_for_token(token=token)
    if feed is None or not feed.user.is_active:
        raise Http404
    deadlines = selectors.person_deadlines(user=feed.user)
    links = course_selectors.course_links(course_ids={due.course_id for due in deadlines})
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    language = services.preferred_language(feed.user)
    with translation.override(language):
        events = [
            (
                f"{due.course_id}-{due.deadline:%Y%m%d}@{feed.user.pseudonym}",
                due.deadline,
                _("Deadline: %(course)s") % {"course": links[due.course_id][0]},
                _("Mandatory: %(reason)s. Complete the course by the end of this day.")
                % {"reason": due.source},
                base + links[due.course_id][1],
            )
            for due in deadlines
            if due.course_id in links
        ]
        body = ical.calendar(name=_("My training deadlines"), events=events, stamp=timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
