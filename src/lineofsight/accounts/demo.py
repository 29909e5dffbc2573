"""Demo users, one per role, so a council can try every view of Line of Sight."""

from django.contrib.auth.models import Group, User

from lineofsight.accounts import permissions

DEMO_PASSWORD = "line-of-sight-demo"

DEMO_USERS = {
    "admin": permissions.ADMINISTRATOR,
    "analyst": permissions.PERFORMANCE_ANALYST,
    "manager": permissions.SERVICE_MANAGER,
    "owner": permissions.TARGET_OWNER,
    "programme": permissions.PROGRAMME_OFFICER,
    "lead": permissions.LEAD_OFFICER,
    "democratic": permissions.DEMOCRATIC_SERVICES,
    "councillor": permissions.COUNCILLOR,
}


def ensure_role_groups() -> None:
    for role in permissions.ROLES:
        Group.objects.get_or_create(name=role)


def load(console) -> None:
    ensure_role_groups()
    created = []
    for username, role in DEMO_USERS.items():
        user, was_created = User.objects.get_or_create(username=username)
        if was_created:
            user.set_password(DEMO_PASSWORD)
            user.is_staff = role == permissions.ADMINISTRATOR
            user.is_superuser = role == permissions.ADMINISTRATOR
            user.save()
            created.append(username)
        user.groups.add(Group.objects.get(name=role))
    if created:
        console.print(f"Demo users created: {', '.join(created)}")
