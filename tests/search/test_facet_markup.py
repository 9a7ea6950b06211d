"""The facet values written by the search_facets tag: the markup of the template loop they
replaced, byte for byte (selected, "more", approximate counts, escaping)."""

import pytest
from django.template import Context, Template

from search.service import FacetValue

LOOP = Template(
    "{% load i18n humanize %}"
    "{% for item in items %}\n"
    '            <li class="{% if item.selected %}selected{% endif %}'
    '{% if forloop.counter > 8 %} more{% endif %}">\n'
    '                <a href="{{ item.url }}" rel="nofollow"'
    '{% if item.selected %} aria-current="true"{% endif %}>\n'
    '                    <span class="box" aria-hidden="true">'
    "{% if item.selected %}✓{% endif %}</span>\n"
    '                    <span class="label">{{ item.facet.label }}</span>\n'
    '                    <span class="count"{% if approximate %} title="'
    "{% trans 'perkiraan dari sampel hasil' %}\"{% endif %}>"
    "{% if approximate %}±&#8239;{% endif %}{{ item.facet.count|intcomma }}</span>\n"
    "                </a>\n"
    "            </li>\n"
    "        {% endfor %}"
)
TAG = Template("{% load search_facets %}{% facet_items items approximate %}")


@pytest.mark.parametrize("approximate", [False, True])
@pytest.mark.parametrize("language", ["id-id", "en"])
def test_the_tag_writes_what_the_template_loop_wrote(approximate, language):
    from django.utils import translation

    items = [
        {
            "facet": FacetValue(value=i, label=f"Nilai <{i}> & “kutip”", count=i * 12345),
            "selected": i % 4 == 1,
            "url": f"?q=a+b&subject={i}&theme=2",
        }
        for i in range(1, 12)
    ]
    with translation.override(language):
        context = {"items": items, "approximate": approximate}
        assert TAG.render(Context(context)) == LOOP.render(Context(context))
