//go:build !windows

package sheet

// regionSeparator is "" outside Windows: Hoist does not read the region settings there
// (macOS derives its list separator from the region's number format, with no setting of
// its own to read), so the window's language stands in (languageSeparator).
func regionSeparator() string { return "" }
