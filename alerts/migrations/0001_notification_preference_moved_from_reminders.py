"""NotificationPreference moves from reminders to alerts: state only, the table stays
(`reminders_notificationpreference`), so no row is copied or lost."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("reminders", "0003_notification_frequency"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="NotificationPreference",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("kind", models.CharField(max_length=40, verbose_name="jenis")),
                        (
                            "channel",
                            models.CharField(
                                choices=[
                                    ("both", "Di aplikasi dan e-mail"),
                                    ("inapp", "Di aplikasi saja"),
                                    ("email", "E-mail saja"),
                                    ("off", "Nonaktif"),
                                ],
                                max_length=10,
                                verbose_name="saluran",
                            ),
                        ),
                        (
                            "frequency",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("daily", "Harian"),
                                    ("weekly", "Mingguan"),
                                    ("off", "Nonaktif"),
                                ],
                                default="",
                                max_length=10,
                                verbose_name="frekuensi",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="notification_prefs",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "preferensi notifikasi",
                        "verbose_name_plural": "preferensi notifikasi",
                        "db_table": "reminders_notificationpreference",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("user", "kind"), name="notification_pref_unique"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
