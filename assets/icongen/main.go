// Command icongen draws Hoist's icon, assets/icon.png: an upward arrow lifting off a tray,
// white on a blue-to-teal rounded square. Run from the repository root:
//
//	go run ./assets/icongen
package main

import (
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
)

const (
	size = 512
	ss   = 4 // samples per pixel side, for smooth edges
)

func main() {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	for y := range size {
		for x := range size {
			img.SetNRGBA(x, y, pixel(x, y))
		}
	}
	f, err := os.Create("assets/icon.png")
	if err != nil {
		log.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

// pixel averages ss×ss samples of the shapes.
func pixel(px, py int) color.NRGBA {
	var r, g, b, a float64
	for sy := range ss {
		for sx := range ss {
			x := (float64(px) + (float64(sx)+0.5)/ss) / size
			y := (float64(py) + (float64(sy)+0.5)/ss) / size
			c, alpha := sample(x, y)
			r += c[0] * alpha
			g += c[1] * alpha
			b += c[2] * alpha
			a += alpha
		}
	}
	n := float64(ss * ss)
	if a == 0 {
		return color.NRGBA{}
	}
	return color.NRGBA{uint8(r / a * 255), uint8(g / a * 255), uint8(b / a * 255), uint8(a / n * 255)}
}

// sample returns the colour and coverage at (x, y) in the unit square.
func sample(x, y float64) ([3]float64, float64) {
	if !inRoundedSquare(x, y, 0.04, 0.19) {
		return [3]float64{}, 0
	}
	if inArrow(x, y) || inTray(x, y) {
		return [3]float64{1, 1, 1}, 1
	}
	// Diagonal gradient from blue (top left) to teal (bottom right).
	t := (x + y) / 2
	from := [3]float64{0x1f / 255.0, 0x5f / 255.0, 0xff / 255.0}
	to := [3]float64{0x10 / 255.0, 0xb8 / 255.0, 0xa6 / 255.0}
	var c [3]float64
	for i := range c {
		c[i] = from[i] + (to[i]-from[i])*t
	}
	return c, 1
}

func inRoundedSquare(x, y, margin, radius float64) bool {
	lo, hi := margin+radius, 1-margin-radius
	dx := math.Max(math.Max(lo-x, 0), x-hi)
	dy := math.Max(math.Max(lo-y, 0), y-hi)
	if x < margin || x > 1-margin || y < margin || y > 1-margin {
		return false
	}
	return dx*dx+dy*dy <= radius*radius
}

// inArrow is an upward arrow: a triangular head over a shaft.
func inArrow(x, y float64) bool {
	const cx, top, headBase, headHalf, shaftHalf, shaftBottom = 0.5, 0.2, 0.46, 0.2, 0.075, 0.66
	if y >= top && y <= headBase {
		half := headHalf * (y - top) / (headBase - top)
		return math.Abs(x-cx) <= half
	}
	return y > headBase && y <= shaftBottom && math.Abs(x-cx) <= shaftHalf
}

// inTray is a rounded bar under the arrow: where the files leave from.
func inTray(x, y float64) bool {
	const left, right, top, bottom, r = 0.26, 0.74, 0.72, 0.79, 0.035
	if y < top || y > bottom || x < left || x > right {
		return false
	}
	cx := math.Min(math.Max(x, left+r), right-r)
	cy := math.Min(math.Max(y, top+r), bottom-r)
	return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r
}
