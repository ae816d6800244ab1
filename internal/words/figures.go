package words

import (
	"time"
)

// Figures are written for people, the same way in the window and the CLI: sizes in decimal
// units (as Finder and Explorer show them in recent versions), speeds per second, times
// rounded to what matters. The units and the order of number and unit come from the
// message files (size.*, duration.*, eta.*), the digits from the language's number form.

// sizeUnits are the message IDs of the units above the byte, each 1000 times the last.
var sizeUnits = []string{"size.kb", "size.mb", "size.gb", "size.tb", "size.pb"}

// Size writes a byte count: "1 byte", "532 bytes", "12.3 MB" ("12,3 Mo" in French).
func Size(n int64) string {
	const unit = 1000
	if n < unit {
		return N("size.bytes", int(n), nil)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit && exp < len(sizeUnits)-1; m /= unit {
		div *= unit
		exp++
	}
	return T(sizeUnits[exp], A{"Value": Number(float64(n)/float64(div), 1)})
}

// Speed writes bytes per second, or "" while there is no average yet (an unknown speed is
// left out rather than shown as a jumping or zero figure).
func Speed(bps float64) string {
	if bps <= 0 {
		return ""
	}
	return T("size.per_second", A{"Size": Size(int64(bps))})
}

// Duration writes how long something took: "40 ms", "12.3 s", "4 min 05 s", "2 h 07 min".
func Duration(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return T("duration.under_ms", nil)
	case d < time.Second:
		return T("duration.ms", A{"Ms": int(d.Milliseconds())})
	case d < time.Minute:
		return T("duration.s", A{"S": Number(d.Seconds(), 1)})
	case d < time.Hour:
		s := int(d.Round(time.Second).Seconds())
		return T("duration.min_s", A{"Min": s / 60, "S": twoDigits(s % 60)})
	}
	m := int(d.Round(time.Minute).Minutes())
	return T("duration.h_min", A{"H": m / 60, "Min": twoDigits(m % 60)})
}

// ETA writes the time left, or "" when it is not known.
func ETA(d time.Duration) string {
	switch {
	case d < 0:
		return ""
	case d < time.Second:
		return T("eta.almost_done", nil)
	case d < time.Minute:
		return T("eta.seconds", A{"S": int(d.Seconds() + 0.5)})
	case d < time.Hour:
		return T("eta.minutes", A{"Min": int(d.Minutes() + 0.5)})
	}
	m := int(d.Round(time.Minute).Minutes())
	return T("eta.hours", A{"H": m / 60, "Min": twoDigits(m % 60)})
}

func twoDigits(n int) string {
	return string([]byte{byte('0' + n/10), byte('0' + n%10)})
}

// Count writes a whole number in the language's form: "1,234", "1 234".
func Count(n int) string { return current.Load().number().int(int64(n)) }

// Number writes x with the given number of decimals in the language's form: "1.5", "1,5".
func Number(x float64, decimals int) string {
	return current.Load().number().float(x, decimals)
}

// Time writes the time of day as the language writes it: "3:04:05 PM", "15:04:05".
func Time(t time.Time) string { return t.Format(T("format.time", nil)) }

// Date writes a day as the language writes it: "Jan 2, 2006", "02/01/2006", "2006/01/02".
func Date(t time.Time) string { return t.Format(T("format.date", nil)) }

// DateTime writes a day and its time of day: "Jan 2, 2006 3:04 PM", "02/01/2006 15:04".
func DateTime(t time.Time) string { return t.Format(T("format.datetime", nil)) }
