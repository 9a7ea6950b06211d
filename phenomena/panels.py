"""Panels of the phenomenon form beyond Wagtail's own."""

from django.utils.functional import lazy
from django.utils.module_loading import import_string
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.panels import InlinePanel
from wagtail.admin.panels.base import get_form_for_model


def _interpolate(message, num):
    return message % {"num": num}


# Translated when shown, in the language of the request.
interpolate_lazy = lazy(_interpolate, str)


class LimitedInlinePanel(InlinePanel):
    """An InlinePanel whose row limit is explained in words of its rows, and whose rows can
    use their own form class, which gets the user (``for_user``) like the main form.

    ``too_many_message`` replaces Django's "submit at most N forms" (``%(num)d`` is the
    limit) and is the panel's help text unless one is given; ``child_form`` is the dotted
    path of a ``WagtailAdminModelForm`` subclass (a path, so that models can name a form
    defined next to them without a circular import).
    """

    def __init__(self, relation_name, *args, too_many_message=None, child_form=None, **kwargs):
        super().__init__(relation_name, *args, **kwargs)
        if too_many_message and self.max_num and not self.help_text:
            self.help_text = interpolate_lazy(too_many_message, self.max_num)
        self.too_many_message = too_many_message
        self.child_form = child_form

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs.update(too_many_message=self.too_many_message, child_form=self.child_form)
        return kwargs

    def get_form_options(self):
        options = super().get_form_options()
        formset_options = options["formsets"][self.relation_name]
        if self.too_many_message:
            formset_options["formset"] = type(
                "LimitedChildFormSet",
                (BaseChildFormSet,),
                {"default_error_messages": {"too_many_forms": self.too_many_message}},
            )
        if self.child_form:
            defer = self.child_edit_handler.get_form_options().get("defer_required_on_fields")
            formset_options["form"] = get_form_for_model(
                self.db_field.related_model,
                form_class=import_string(self.child_form),
                **({"defer_required_on_fields": defer} if defer else {}),
            )
            formset_options["inherit_kwargs"] = ["for_user"]
        return options
