// Package assets holds Hoist's bundled resources: the icon (drawn by ./icongen) and the
// message files of every language.
package assets

import "embed"

// Icon is the 512×512 application icon, a PNG.
//
//go:embed icon.png
var Icon []byte

// Messages holds every sentence Hoist shows, one go-i18n JSON file per area and
// language (messages/AREA.LANG.json: common.en.json, common.fr.json…), read by package internal/words.
//
//go:embed messages/*.json
var Messages embed.FS
