package words

import (
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/message"
)

// numberForm writes numbers the way a language's message.Printer does, without going
// through it: the Printer's Sprintf parses its format and boxes its values on every call,
// and the CLI writes a size and a duration for every file it sends (bench/README.md, CPU
// against curl). It knows only the two signs the Printer puts in our languages, the
// grouping sign every three digits and the decimal sign, and it is used only when it
// writes a set of probes exactly as the Printer does (formOf); otherwise the Printer writes.
type numberForm struct {
	printer        *message.Printer
	group, decimal string
	ok             bool // the signs were found and the probes agree
}

// formOf reads the signs from how p writes 1234567.5, then checks them against p.
func formOf(p *message.Printer) numberForm {
	f := numberForm{printer: p}
	ints := p.Sprintf("%d", 1234567)
	rest, found := strings.CutPrefix(ints, "1")
	i := strings.Index(rest, "234")
	if !found || i <= 0 || rest != rest[:i]+"234"+rest[:i]+"567" || strings.ContainsAny(rest[:i], "0123456789") {
		return f
	}
	decimal, found := strings.CutPrefix(p.Sprintf("%.1f", 1234567.5), ints)
	decimal, found2 := strings.CutSuffix(decimal, "5")
	if !found || !found2 || decimal == "" {
		return f
	}
	f.group, f.decimal = rest[:i], decimal
	f.ok = true
	for _, n := range []int64{0, 7, -7, 999, 1000, -1000, 12345, 999999, 1000000, math.MaxInt64, math.MinInt64} {
		if f.int(n) != p.Sprintf("%d", n) {
			f.ok = false
		}
	}
	for _, x := range []float64{0, math.Copysign(0, -1), 0.04, -0.04, 0.05, 0.15, 1.25, 999.95, 1234.5, -98765.4321, 1e15} {
		for d := range 3 {
			if f.float(x, d) != p.Sprintf("%.*f", d, x) {
				f.ok = false
			}
		}
	}
	return f
}

// int writes n: "1,234", "1 234".
func (f *numberForm) int(n int64) string {
	if !f.ok {
		return f.printer.Sprintf("%d", n)
	}
	var buf [32]byte
	return f.grouped(strconv.AppendInt(buf[:0], n, 10), "")
}

// uint writes n, for the unsigned integer types.
func (f *numberForm) uint(n uint64) string {
	if !f.ok {
		return f.printer.Sprintf("%d", n)
	}
	var buf [32]byte
	return f.grouped(strconv.AppendUint(buf[:0], n, 10), "")
}

// float writes x with decimals decimals: "1.5", "1,5". Infinities and NaN are the
// Printer's to write.
func (f *numberForm) float(x float64, decimals int) string {
	if !f.ok || math.IsInf(x, 0) || math.IsNaN(x) || decimals < 0 {
		return f.printer.Sprintf("%.*f", decimals, x)
	}
	if x == 0 {
		x = 0 // -0: strconv writes "-0", the Printer "0"
	}
	var buf [48]byte
	digits := strconv.AppendFloat(buf[:0], x, 'f', decimals, 64)
	whole, frac := digits, []byte(nil)
	if i := strings.IndexByte(string(digits), '.'); i >= 0 {
		whole, frac = digits[:i], digits[i+1:]
	}
	if frac == nil {
		return f.grouped(whole, "")
	}
	return f.grouped(whole, f.decimal+string(frac))
}

// grouped writes digits (an optional minus sign, then digits) with the grouping sign every
// three digits from the right, then tail.
func (f *numberForm) grouped(digits []byte, tail string) string {
	sign := ""
	if len(digits) > 0 && digits[0] == '-' {
		sign, digits = "-", digits[1:]
	}
	var b strings.Builder
	b.Grow(len(sign) + len(digits) + len(digits)/3*len(f.group) + len(tail))
	b.WriteString(sign)
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(f.group)
		}
		b.WriteByte(c)
	}
	b.WriteString(tail)
	return b.String()
}
