// Package assets holds Hoist's bundled resources: the icon (drawn by ./icongen).
package assets

import _ "embed"

// Icon is the 512×512 application icon, a PNG.
//
//go:embed icon.png
var Icon []byte
