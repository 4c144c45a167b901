package main

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
)

// The scaling chart is drawn with the standard library only: lines by
// Bresenham's algorithm and labels in a tiny built-in bitmap font.

const (
	chartW, chartH                   = 640, 420
	marginL, marginR, marginT, margB = 56, 24, 40, 48
	fontScale                        = 2
)

var (
	colBackground = color.RGBA{255, 255, 255, 255}
	colAxis       = color.RGBA{40, 40, 40, 255}
	colGrid       = color.RGBA{225, 225, 225, 255}
	colIdeal      = color.RGBA{160, 160, 160, 255}
	seriesColors  = []color.RGBA{{31, 119, 180, 255}, {255, 127, 14, 255}, {44, 160, 44, 255}}
)

// glyphs is a 3x5 pixel font for the characters the chart uses; each row
// is three bits, the leftmost pixel in the highest bit.
var glyphs = map[rune][5]uint8{
	'0': {7, 5, 5, 5, 7}, '1': {2, 6, 2, 2, 7}, '2': {7, 1, 7, 4, 7}, '3': {7, 1, 7, 1, 7},
	'4': {5, 5, 7, 1, 1}, '5': {7, 4, 7, 1, 7}, '6': {7, 4, 7, 5, 7}, '7': {7, 1, 1, 1, 1},
	'8': {7, 5, 7, 5, 7}, '9': {7, 5, 7, 1, 7}, '.': {0, 0, 0, 0, 2}, ' ': {},
	'a': {0, 3, 5, 5, 3}, 'd': {1, 3, 5, 5, 3}, 'e': {0, 6, 7, 4, 3}, 'f': {3, 4, 6, 4, 4},
	'h': {4, 4, 6, 5, 5}, 'i': {2, 0, 2, 2, 2}, 'l': {6, 2, 2, 2, 7}, 'n': {0, 6, 5, 5, 5},
	'o': {0, 2, 5, 5, 2}, 'p': {0, 6, 5, 6, 4}, 'r': {0, 5, 6, 4, 4}, 's': {0, 3, 6, 3, 6},
	't': {2, 7, 2, 2, 3}, 'u': {0, 5, 5, 5, 3}, 'y': {0, 5, 3, 1, 6}, 'x': {0, 5, 2, 2, 5},
	'C': {3, 4, 4, 4, 3}, 'P': {6, 5, 6, 4, 4},
}

type canvas struct{ img *image.RGBA }

func (c canvas) set(x, y int, col color.RGBA) {
	if image.Pt(x, y).In(c.img.Rect) {
		c.img.SetRGBA(x, y, col)
	}
}

func (c canvas) rect(x0, y0, x1, y1 int, col color.RGBA) {
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			c.set(x, y, col)
		}
	}
}

// line draws a line of the given thickness.
func (c canvas) line(x0, y0, x1, y1, thick int, col color.RGBA) {
	dx, dy := abs(x1-x0), -abs(y1-y0)
	sx, sy := sign(x1-x0), sign(y1-y0)
	e := dx + dy
	for {
		c.rect(x0-thick/2, y0-thick/2, x0+(thick-1)/2, y0+(thick-1)/2, col)
		if x0 == x1 && y0 == y1 {
			return
		}
		e2 := 2 * e
		if e2 >= dy {
			e += dy
			x0 += sx
		}
		if e2 <= dx {
			e += dx
			y0 += sy
		}
	}
}

// text draws s with its top-left corner at (x, y) and returns its width.
func (c canvas) text(x, y int, s string, col color.RGBA) int {
	start := x
	for _, r := range s {
		g := glyphs[r]
		for row := 0; row < 5; row++ {
			for bit := 0; bit < 3; bit++ {
				if g[row]&(4>>bit) != 0 {
					c.rect(x+bit*fontScale, y+row*fontScale, x+bit*fontScale+fontScale-1, y+row*fontScale+fontScale-1, col)
				}
			}
		}
		x += 4 * fontScale
	}
	return x - start
}

func textWidth(s string) int { return len([]rune(s)) * 4 * fontScale }

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

func sign(v int) int {
	switch {
	case v < 0:
		return -1
	case v > 0:
		return 1
	}
	return 0
}

// writeChart plots the speedup of each series against the thread count,
// with the ideal (linear) speedup as a grey diagonal.
func writeChart(path string, all []series, maxThreads int) error {
	img := image.NewRGBA(image.Rect(0, 0, chartW, chartH))
	c := canvas{img}
	c.rect(0, 0, chartW-1, chartH-1, colBackground)

	yMax := float64(maxThreads)
	for _, s := range all {
		for i := range s.points {
			if v, ok := s.speedup(i); ok {
				yMax = math.Max(yMax, v)
			}
		}
	}
	yMax = math.Ceil(yMax)
	xMax := float64(max(maxThreads, 2))
	plotW, plotH := chartW-marginL-marginR, chartH-marginT-margB
	px := func(threads float64) int { return marginL + int(math.Round((threads-1)/(xMax-1)*float64(plotW))) }
	py := func(speedup float64) int { return marginT + plotH - int(math.Round(speedup/yMax*float64(plotH))) }

	// Grid and tick labels.
	yStep := math.Max(1, math.Ceil(yMax/10))
	for v := 0.0; v <= yMax; v += yStep {
		c.line(marginL, py(v), marginL+plotW, py(v), 1, colGrid)
		label := fmt.Sprintf("%g", v)
		c.text(marginL-8-textWidth(label), py(v)-5, label, colAxis)
	}
	xStep := max(1, int(math.Ceil(xMax/16)))
	for t := 1; t <= int(xMax); t += xStep {
		c.line(px(float64(t)), marginT, px(float64(t)), marginT+plotH, 1, colGrid)
		label := fmt.Sprint(t)
		c.text(px(float64(t))-textWidth(label)/2, marginT+plotH+8, label, colAxis)
	}
	c.line(marginL, marginT, marginL, marginT+plotH, 2, colAxis)
	c.line(marginL, marginT+plotH, marginL+plotW, marginT+plotH, 2, colAxis)
	c.text(marginL+plotW/2-textWidth("threads")/2, chartH-20, "threads", colAxis)
	c.text(8, 12, "speedup", colAxis)

	// Ideal speedup, then the measured series.
	c.line(px(1), py(1), px(xMax), py(math.Min(xMax, yMax)), 1, colIdeal)
	for si, s := range all {
		col := seriesColors[si%len(seriesColors)]
		prevX, prevY, have := 0, 0, false
		for i, p := range s.points {
			v, ok := s.speedup(i)
			if !ok {
				have = false
				continue
			}
			x, y := px(float64(p.threads)), py(v)
			if have {
				c.line(prevX, prevY, x, y, 3, col)
			}
			c.rect(x-3, y-3, x+3, y+3, col)
			prevX, prevY, have = x, y, true
		}
	}

	// Legend.
	lx, ly := marginL+16, marginT+8
	entries := []struct {
		name string
		col  color.RGBA
	}{{"ideal", colIdeal}}
	for si, s := range all {
		entries = append(entries, struct {
			name string
			col  color.RGBA
		}{s.name, seriesColors[si%len(seriesColors)]})
	}
	for _, e := range entries {
		c.rect(lx, ly+2, lx+16, ly+7, e.col)
		c.text(lx+24, ly, e.name, colAxis)
		ly += 18
	}

	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
