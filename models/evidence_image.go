package models

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg" // registers JPEG for image.DecodeConfig
	_ "image/png"  // registers PNG for image.DecodeConfig
	"io"
)

// MaxImagePixels is the largest image accepted as evidence or drawn into a document:
// 40 megapixels. A small compressed file can describe a huge image, so the limit is
// on pixels, not bytes.
const MaxImagePixels = 40_000_000

// MaxImageDecodedBytes bounds the memory one decoded evidence image may take: 40
// megapixels at 4 bytes a pixel. A 16-bit image needs twice that per pixel, so its
// pixel limit is half.
const MaxImageDecodedBytes = MaxImagePixels * 4

// bytesPerPixel is what Go's image decoders hold per pixel for a colour model.
func bytesPerPixel(model color.Model) int64 {
	switch model {
	case color.RGBA64Model, color.NRGBA64Model:
		return 8
	case color.Gray16Model:
		return 2
	case color.GrayModel, color.AlphaModel:
		return 1
	}
	return 4
}

// CheckImage reads an image's dimensions from its header without decoding it and
// refuses one above MaxImagePixels or MaxImageDecodedBytes. For a PNG it also inflates the pixel data into
// nothing, stopping one byte past what the declared dimensions need, so a stream that
// expands beyond its own header (a decompression bomb) is refused without ever being
// held in memory. The problem, if any, is worded for the holder.
func CheckImage(content []byte) string {
	_, problem := inspectImage(content, evidenceImages)
	return problem
}

// imageUse words the limits for where an image goes: evidence may fall back to a PDF,
// a card image may not.
type imageUse struct {
	plural   string // "evidence images"
	fallback string // advice after a refusal, with a leading space, or ""
}

var evidenceImages = imageUse{plural: "evidence images", fallback: " Scale it down or save it as a PDF and upload that."}

// imageInfo is what an image's header says: its format (png, jpeg, gif, webp) and size.
type imageInfo struct {
	Format        string
	Width, Height int
}

// inspectImage is CheckImage that also returns the header's format and dimensions.
func inspectImage(content []byte, use imageUse) (imageInfo, string) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(content))
	if err != nil {
		if use.fallback == "" {
			return imageInfo{}, "The image could not be read: it may be damaged. Save it again as PNG or JPEG."
		}
		return imageInfo{}, "The image could not be read: it may be damaged. Save it again as PNG or JPEG, or as a PDF."
	}
	info := imageInfo{Format: format, Width: cfg.Width, Height: cfg.Height}
	pixels := int64(cfg.Width) * int64(cfg.Height)
	if pixels > MaxImagePixels {
		advice := use.fallback
		if advice == "" {
			advice = " Scale it down and upload it again."
		}
		return info, fmt.Sprintf("The image is %d × %d pixels (%.0f megapixels); %s can be at most %d megapixels.%s",
			cfg.Width, cfg.Height, float64(pixels)/1e6, use.plural, MaxImagePixels/1_000_000, advice)
	}
	if decoded := pixels * bytesPerPixel(cfg.ColorModel); decoded > MaxImageDecodedBytes {
		advice := " Save it with 8-bit colour or as JPEG, scale it down, or save it as a PDF."
		if use.fallback == "" {
			advice = " Save it with 8-bit colour or as JPEG, or scale it down."
		}
		return info, fmt.Sprintf("The image is %d × %d pixels at 16 bits a colour, which takes %d MB to draw; %s can take at most %d MB.%s",
			cfg.Width, cfg.Height, decoded>>20, use.plural, MaxImageDecodedBytes>>20, advice)
	}
	if format == "png" && !pngDataFits(content, cfg.Width, cfg.Height) {
		return info, "The image's data does not match its size: it may be damaged or crafted. Save it again as PNG or JPEG."
	}
	return info, ""
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
