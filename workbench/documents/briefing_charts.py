"""Charts of comparative parliaments (matplotlib, Thai set in Sarabun): seats and women per chamber, with
Thailand's chambers first. Input is ``services.countries.comparison_rows``; nothing here reads the database."""

from __future__ import annotations

from typing import Any

from workbench.i18n import t

THAI_COLOUR, OTHER_COLOUR = "#1f4e79", "#9bb7d4"


def use_thai_font() -> str:
    """Register the Sarabun TTF (fontpkg-sarabun) with matplotlib and make it the default family."""
    import matplotlib
    from matplotlib import font_manager

    from workbench.documents.typography import FONT_FAMILY, font_path

    for weight in (400, 700):
        font_manager.fontManager.addfont(str(font_path(weight)))
    matplotlib.rcParams["font.family"] = FONT_FAMILY
    return FONT_FAMILY


def chamber_label(row: dict[str, Any], lang: str) -> str:
    country = row["country_th"] if lang == "th" else row["country_en"]
    if not row["chamber_type"]:
        return f"{country}\n({t('brief.parliament.no_data', lang)})"
    chamber = t(f"chamber.{row['chamber_type']}", lang)
    return f"{country}\n{chamber}"


def comparison_figure(rows: list[dict[str, Any]], *, lang: str = "th"):
    """Two bar charts side by side: statutory and current seats; women's share in per cent."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    use_thai_font()
    labels = [chamber_label(row, lang) for row in rows]
    colours = [THAI_COLOUR if row["iso2"] == "TH" else OTHER_COLOUR for row in rows]
    figure = Figure(figsize=(max(8, 1.6 * len(rows)), 4.8), layout="constrained")
    seats_axes, women_axes = figure.subplots(1, 2)
    positions = range(len(rows))
    statutory = [row["statutory_seats"] or 0 for row in rows]
    current = [row["current_members"] or 0 for row in rows]
    seats_axes.bar([p - 0.2 for p in positions], statutory, width=0.4, color=colours,
                   label=t("parline.statutory_seats", lang))
    seats_axes.bar([p + 0.2 for p in positions], current, width=0.4, color=colours, alpha=0.55,
                   label=t("parline.current_members", lang))
    seats_axes.set_title(t("parline.statutory_seats", lang) + " / " + t("parline.current_members", lang))
    seats_axes.legend()
    women = [float(row["women_pct"]) if row["women_pct"] is not None else 0.0 for row in rows]
    women_axes.bar(list(positions), women, color=colours)
    women_axes.set_title(t("parline.women_pct", lang) + " (%)")
    women_axes.set_ylim(0, 100)
    for axes in (seats_axes, women_axes):
        axes.set_xticks(list(positions), labels, fontsize=9)
    return figure


def comparison_table(rows: list[dict[str, Any]], *, lang: str = "th") -> list[dict[str, Any]]:
    """The rows with labelled columns in the reader's language, for a DataFrame or an XLSX/CSV export."""
    keys = ("statutory_seats", "current_members", "women_pct", "electoral_system", "designation", "term_years",
            "speaker", "last_election", "next_election", "as_of", "source")
    table = []
    for row in rows:
        line = {t("brief.cover.country", lang): row["country_th"] if lang == "th" else row["country_en"],
                t("field.chamber_id", lang): (t(f"chamber.{row['chamber_type']}", lang) if row["chamber_type"]
                                               else t("brief.parliament.no_data", lang))}
        for key in keys:
            value = row[key]
            if key == "designation" and value:
                value = t(f"designation.{value}", lang)
            line[t(f"parline.{key}", lang)] = value
        table.append(line)
    return table
