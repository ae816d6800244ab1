package words

import (
	"testing"
	"time"
)

func TestFiguresInEachLanguage(t *testing.T) {
	defer Use(Current())
	d := func(s string) time.Duration { v, _ := time.ParseDuration(s); return v }
	when := time.Date(2026, 3, 7, 14, 5, 9, 0, time.UTC)
	cases := []struct {
		lang string
		got  func() string
		want string
	}{
		{"en", func() string { return Size(1) }, "1 byte"},
		{"en", func() string { return Size(999) }, "999 bytes"},
		{"en", func() string { return Size(1_234_567) }, "1.2 MB"},
		{"fr", func() string { return Size(1_234_567) }, "1,2 Mo"},
		{"ja", func() string { return Size(1_234_567) }, "1.2 MB"},
		{"fr", func() string { return Size(2_500_000_000) }, "2,5 Go"},
		{"en", func() string { return Speed(2_000_000) }, "2.0 MB/s"},
		{"ja", func() string { return Speed(2_000_000) }, "2.0 MB/秒"},
		{"en", func() string { return Speed(0) }, ""},
		{"en", func() string { return Duration(d("420ms")) }, "420 ms"},
		{"fr", func() string { return Duration(d("12.34s")) }, "12,3 s"},
		{"en", func() string { return Duration(d("4m5s")) }, "4 min 05 s"},
		{"ja", func() string { return Duration(d("4m5s")) }, "4分05秒"},
		{"en", func() string { return Duration(d("2h7m")) }, "2 h 07 min"},
		{"en", func() string { return ETA(-1) }, ""},
		{"en", func() string { return ETA(d("12s")) }, "12 s left"},
		{"fr", func() string { return ETA(d("4m")) }, "encore 4 min environ"},
		{"ja", func() string { return ETA(d("2h7m")) }, "残り約2時間07分"},
		{"en", func() string { return Count(1234567) }, "1,234,567"},
		{"fr", func() string { return Count(1234567) }, "1\u00a0234\u00a0567"},
		{"fr", func() string { return Number(1.25, 2) }, "1,25"},
		{"en", func() string { return Time(when) }, "2:05:09 PM"},
		{"fr", func() string { return Time(when) }, "14:05:09"},
		{"en", func() string { return Date(when) }, "Mar 7, 2026"},
		{"fr", func() string { return Date(when) }, "07/03/2026"},
		{"ja", func() string { return DateTime(when) }, "2026/03/07 14:05"},
		{"fr", func() string { return T("size.kb", A{"Value": 12345}) }, "12\u00a0345 ko"},
	}
	for _, c := range cases {
		Use(c.lang)
		if got := c.got(); got != c.want {
			t.Errorf("%s: got %q, want %q", c.lang, got, c.want)
		}
	}
}
