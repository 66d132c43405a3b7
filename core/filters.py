"""Shared handling of the visitors' GET filter forms (news, cases)."""


def bind_filters(form):
    """Keep a bound filter form's valid values and note, in Dutch, the ones it ignored.

    Sets ``form.active`` (the applied filters) and ``form.ignored`` (messages); the form is
    re-bound to the applied values only, so it shows exactly what filtered the list.
    """
    form.ignored = []
    form.active = {}
    if form.is_bound:
        form.is_valid()
        form.ignored = [
            f"Het filter ‘{form.fields[name].label}’ had een onbekende waarde en is genegeerd."
            for name in form.errors
            if name in form.fields
        ]
        form.active = {
            name: value for name, value in form.cleaned_data.items() if value not in ("", None)
        }
        form.data = {name: str(value) for name, value in form.active.items()}
        form._errors = None
        form.is_valid()
    return form
