from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .forms import PreferencesForm


def preferences_view(request):
    """Each user's own notification preferences (admin: account menu, "Preferensi notifikasi")."""
    form = PreferencesForm(request.user, request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("Preferensi notifikasi disimpan."))
            return redirect("alerts_preferences")
        messages.error(request, _("Preferensi belum disimpan: periksa isian yang ditandai."))
    return render(
        request,
        "alerts/preferences.html",
        {"form": form, "page_title": _("Preferensi notifikasi")},
    )
