"""Themes: Textual's default reads well at 256 and 16 colours; "high-contrast" is ours, for a projector
in a bright room or for low vision (pure black and white, yellow for what has focus)."""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffff00",
    warning="#ffff00",
    error="#ff0000",
    success="#00ff00",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#000000",
    boost="#000000",
    dark=True,
    luminosity_spread=0.0,
    text_alpha=1.0,
    variables={
        "border": "#ffffff",
        "border-blurred": "#c0c0c0",
        "footer-background": "#000000",
        "footer-foreground": "#ffffff",
        "footer-key-foreground": "#ffff00",
        "footer-description-foreground": "#ffffff",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#ffff00",
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-foreground": "#000000",
        "block-cursor-blurred-background": "#c0c0c0",
        "block-hover-background": "#000000",
        "input-cursor-background": "#ffffff",
        "input-cursor-foreground": "#000000",
        "input-selection-background": "#00ffff",
        "text-muted": "#ffffff",
        "text-disabled": "#c0c0c0",
        "scrollbar": "#ffffff",
        "scrollbar-background": "#000000",
    },
)

THEMES = (HIGH_CONTRAST,)
