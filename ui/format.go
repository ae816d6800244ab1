package ui

import (
	"fmt"
	"time"
)

// Figures are written for people: sizes in decimal units (as Finder and Explorer show
// them in recent versions), speeds per second, times left rounded to what matters.

// formatSize writes a byte count such as "12.3 MB".
func formatSize(n int64) string {
	const unit = 1000
	if n < unit {
		if n == 1 {
			return "1 byte"
		}
		return fmt.Sprintf("%d bytes", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit && exp < 4; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %cB", float64(n)/float64(div), "kMGTP"[exp])
}

// formatSpeed writes bytes per second, or "" when there is no average yet.
func formatSpeed(bps float64) string {
	if bps <= 0 {
		return ""
	}
	return formatSize(int64(bps)) + "/s"
}

// formatETA writes the time left, or "" when it is not known.
func formatETA(d time.Duration) string {
	switch {
	case d < 0:
		return ""
	case d < time.Second:
		return "almost done"
	case d < time.Minute:
		return fmt.Sprintf("%d s left", int(d.Seconds()+0.5))
	case d < time.Hour:
		return fmt.Sprintf("about %d min left", int(d.Minutes()+0.5))
	}
	h := int(d.Hours())
	return fmt.Sprintf("about %d h %02d min left", h, int(d.Minutes())-60*h)
}

// formatDuration writes how long something took, such as "0.42 s".
func formatDuration(d time.Duration) string {
	if d < time.Millisecond {
		return "less than 1 ms"
	}
	if d < time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

// plural writes "1 file" or "3 files".
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
