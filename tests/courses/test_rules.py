from courses import rules


def test_lesson_completes_at_its_end_whatever_was_answered():
    assert rules.lesson_can_complete(rule="end", knowledge_checks=["q1"], answered=[])


def test_lesson_with_checks_rule_needs_every_knowledge_check_answered():
    assert not rules.lesson_can_complete(
        rule="checks", knowledge_checks=["q1", "q2"], answered=["q1"]
    )
    assert rules.lesson_can_complete(
        rule="checks", knowledge_checks=["q1", "q2"], answered=["q2", "q1"]
    )


def test_course_needs_all_required_lessons_and_the_final_assessment():
    base = {"required_lessons": {1, 2}, "has_final_assessment": True}
    assert not rules.course_completed(completed_lessons={1}, final_assessment_passed=True, **base)
    assert not rules.course_completed(
        completed_lessons={1, 2}, final_assessment_passed=False, **base
    )
    assert rules.course_completed(completed_lessons={1, 2, 3}, final_assessment_passed=True, **base)


def test_course_without_assessment_completes_with_its_required_lessons():
    assert rules.course_completed(
        required_lessons={1},
        completed_lessons={1},
        has_final_assessment=False,
        final_assessment_passed=False,
    )


def test_starting_an_empty_course_does_not_complete_it():
    assert not rules.course_completed(
        required_lessons=set(),
        completed_lessons=set(),
        has_final_assessment=False,
        final_assessment_passed=False,
    )


def test_resume_returns_the_unfinished_lesson_last_opened():
    assert rules.resume_lesson(lesson_ids=[1, 2, 3], completed={1}, last_lesson_id=3) == 3


def test_resume_after_a_finished_lesson_goes_to_the_next_unfinished_one():
    assert rules.resume_lesson(lesson_ids=[1, 2, 3, 4], completed={1, 2, 3}, last_lesson_id=2) == 4
    assert rules.resume_lesson(lesson_ids=[1, 2, 3], completed={2, 3}, last_lesson_id=3) == 1


def test_resume_without_history_starts_at_the_first_lesson():
    assert rules.resume_lesson(lesson_ids=[5, 6], completed=set(), last_lesson_id=None) == 5
    assert rules.resume_lesson(lesson_ids=[], completed=set(), last_lesson_id=None) is None


def test_resume_when_everything_is_done_returns_the_last_opened_lesson():
    assert rules.resume_lesson(lesson_ids=[1, 2], completed={1, 2}, last_lesson_id=1) == 1


def test_completion_percent():
    assert rules.completion_percent(completed=1, total=3) == 33
    assert rules.completion_percent(completed=0, total=0) == 0
