package handlers

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
)

// TestUprightImageBoundsEmbeddedSize: an image larger than a page needs (here a
// 16-bit 3000 × 2000 PNG) is scaled to at most maxPDFImageSide a side before it is
// embedded, keeping its proportions; the PDF never carries the full-size pixels.
func TestUprightImageBoundsEmbeddedSize(t *testing.T) {
	src := image.NewNRGBA64(image.Rect(0, 0, 3000, 2000))
	src.Set(10, 10, color.NRGBA64{R: 0xffff, A: 0xffff})
	var buf bytes.Buffer
	if err := png.Encode(&buf, src); err != nil {
		t.Fatal(err)
	}
	out, ok := uprightImage(buf.Bytes(), "PNG")
	if !ok {
		t.Fatal("the image was not read")
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Width != maxPDFImageSide || cfg.Height != maxPDFImageSide*2/3 {
		t.Fatalf("embedded %d × %d, want %d × %d", cfg.Width, cfg.Height, maxPDFImageSide, maxPDFImageSide*2/3)
	}
}
