package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
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
