package models

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"image"
	_ "image/jpeg" // registers JPEG for image.DecodeConfig
	_ "image/png"  // registers PNG for image.DecodeConfig
	"io"
)

// MaxImagePixels is the largest image accepted as evidence or drawn into a document:
// 40 megapixels. A small compressed file can describe a huge image, so the limit is
// on pixels, not bytes.
const MaxImagePixels = 40_000_000

// CheckImage reads an image's dimensions from its header without decoding it and
// refuses one above MaxImagePixels. For a PNG it also inflates the pixel data into
// nothing, stopping one byte past what the declared dimensions need, so a stream that
// expands beyond its own header (a decompression bomb) is refused without ever being
// held in memory. The problem, if any, is worded for the holder.
func CheckImage(content []byte) string {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(content))
	if err != nil {
		return "The image could not be read: it may be damaged. Save it again as PNG or JPEG, or as a PDF."
	}
	pixels := int64(cfg.Width) * int64(cfg.Height)
	if pixels > MaxImagePixels {
		return fmt.Sprintf("The image is %d × %d pixels (%.0f megapixels); evidence images can be at most %d megapixels. "+
			"Scale it down or save it as a PDF and upload that.", cfg.Width, cfg.Height, float64(pixels)/1e6, MaxImagePixels/1_000_000)
	}
	if format == "png" && !pngDataFits(content, cfg.Width, cfg.Height) {
		return "The image's data does not match its size: it may be damaged or crafted. Save it again as PNG or JPEG."
	}
	return ""
}

// pngDataFits reports whether the PNG's compressed pixel data inflates to no more
// than its header allows (at most 8 bytes a pixel plus filter bytes).
func pngDataFits(content []byte, width, height int) bool {
	idat, ok := pngIDAT(content)
	if !ok {
		return false
	}
	zr, err := zlib.NewReader(bytes.NewReader(idat))
	if err != nil {
		return false
	}
	defer zr.Close()
	allowed := int64(height)*(2+int64(width)*8) + 64 // interlaced passes add filter bytes
	n, err := io.Copy(io.Discard, io.LimitReader(zr, allowed+1))
	return n <= allowed && (err == nil || err == io.ErrUnexpectedEOF)
}

// pngIDAT joins the data of a PNG's IDAT chunks, checking chunk lengths against the
// file so a lying length cannot read past it.
func pngIDAT(content []byte) ([]byte, bool) {
	const signature = 8
	if len(content) < signature {
		return nil, false
	}
	var idat []byte
	for rest := content[signature:]; len(rest) >= 12; {
		length := int64(binary.BigEndian.Uint32(rest[:4]))
		if length > int64(len(rest))-12 {
			return nil, false
		}
		kind := string(rest[4:8])
		if kind == "IDAT" {
			idat = append(idat, rest[8:8+length]...)
		}
		if kind == "IEND" {
			break
		}
		rest = rest[12+length:]
	}
	return idat, len(idat) > 0
}
