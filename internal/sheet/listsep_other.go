//go:build !windows

package sheet

// regionSeparator is "" outside Windows: macOS keeps the list separator of its region
// settings where no public setting names it, and Excel there reads a CSV opened by
// double-click by the language's custom (Separator).
func regionSeparator() string { return "" }
