"""Lock a username after repeated failed sign-ins: 5 in a row lock it for 15 minutes.

The counting lives in ``queries``; this module holds the policy, so it can be read (and tested)
without a database.
"""

from datetime import datetime, timedelta

MAX_FAILURES = 5
LOCK_FOR = timedelta(minutes=15)
# A failure this long after the previous one starts a fresh count: a month of typos is not an attack.
FORGET_AFTER = timedelta(hours=1)


def normalise(username: str) -> str:
    """The key a username is counted under.

    >>> normalise("  Analyst ")
    'analyst'
    """
    return (username or "").strip().lower()[:150]


def is_locked(locked_until: datetime | None, now: datetime) -> bool:
    return locked_until is not None and locked_until > now


def after_failure(failures: int, last_failure_at: datetime | None, now: datetime) -> tuple[int, datetime | None]:
    """The count and lock that follow one more failure.

    >>> from datetime import datetime
    >>> now = datetime(2026, 1, 1, 9, 0)
    >>> after_failure(3, now, now)
    (4, None)
    >>> after_failure(4, now, now)
    (5, datetime.datetime(2026, 1, 1, 9, 15))
    >>> after_failure(4, datetime(2025, 12, 1), now)
    (1, None)
    """
    if last_failure_at is None or now - last_failure_at > FORGET_AFTER:
        failures = 0
    failures += 1
    return failures, (now + LOCK_FOR if failures >= MAX_FAILURES else None)
