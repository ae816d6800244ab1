package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Theme is Fyne's own theme, light or dark as the system or FYNE_THEME says, with text
// in the colours of success, warning and error that can be read on the light variant.
// Fyne draws them on white in its dark variant's colours (green #43f436, orange #ff9800,
// red #f44336: contrast 1.5, 2.2 and 3.7 to 1), so a row's "Ready in Scene7", a skipped
// file's reason or a failure were pale on a light desktop; these are at least 4.5 to 1
// (WCAG AA for text), and white on them as much, for the buttons of those importances.
func Theme() fyne.Theme { return readableTheme{theme.DefaultTheme()} }

type readableTheme struct{ fyne.Theme }

var lightText = map[fyne.ThemeColorName]color.Color{
	theme.ColorNameSuccess: color.NRGBA{R: 0x1b, G: 0x7d, B: 0x2f, A: 0xff},
	theme.ColorNameWarning: color.NRGBA{R: 0xa3, G: 0x4f, B: 0x00, A: 0xff},
	theme.ColorNameError:   color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff},
}

func (t readableTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c, ok := lightText[n]; ok && v == theme.VariantLight {
		return c
	}
	return t.Theme.Color(n, v)
}

// barTheme is the window's theme with a progress bar's text in black on the light variant.
// Fyne writes that text in ForegroundOnPrimary (white) over both the filled part (the
// primary colour) and the rest (the primary at half opacity over the background, a pale
// blue on white): the overall bar's "0%" read at 2.0 to 1 there. Black reads at 10.4 to 1
// on the pale part and 4.7 to 1 on the filled one; the dark variant's white is left (9.6
// and 4.5 to 1).
type barTheme struct{ fyne.Theme }

func (t barTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameForegroundOnPrimary && v == theme.VariantLight {
		return color.Black
	}
	return t.Theme.Color(n, v)
}

// readableBar is b drawn with barTheme over the app's theme.
func readableBar(b *widget.ProgressBar) *container.ThemeOverride {
	base := Theme()
	if a := fyne.CurrentApp(); a != nil && a.Settings().Theme() != nil {
		base = a.Settings().Theme()
	}
	return container.NewThemeOverride(b, barTheme{base})
}
