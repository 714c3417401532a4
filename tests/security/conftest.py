"""Fixtures the attacks need: courses, packages and their media folder."""

from tests.courses.conftest import (  # noqa: F401 (fixtures)
    course_index,
    final_assessment,
    learner,
    make_course,
    question,
)
from tests.packages.conftest import _media, make_package  # noqa: F401 (fixtures)
