//! Photos and logos for the briefing, through the `image` crate: recognised by their
//! bytes (not their file name), decoded within limits so a hostile file gets a clear error
//! instead of exhausting memory, turned upright by their EXIF orientation, and scaled down
//! to print resolution (300 dpi at their placed size). A JPEG that needs none of that is
//! embedded as it is, without re-encoding.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

/// The largest image accepted, per side, and the most memory its decoded pixels may take:
/// 200 MB is a 69-megapixel photo in colour, more than a phone's usual full-size shot;
/// with the scaled copy beside it, preparing any accepted picture stays under 300 MB.
pub const MAX_SIDE: u32 = 12_000;
const MAX_DECODE_BYTES: u64 = 200 * 1024 * 1024;
/// Print resolution: images are never embedded sharper than this at their placed size.
pub const PRINT_DPI: f32 = 300.0;

/// An image ready for the page.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedImage {
    pub width: u32,
    pub height: u32,
    pub pixels: Pixels,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Pixels {
    /// A baseline JPEG, as found or re-encoded; `grey` for one channel.
    Jpeg { bytes: Vec<u8>, grey: bool },
    /// 8-bit RGB, with an alpha channel when the image has transparency.
    Rgb {
        rgb: Vec<u8>,
        alpha: Option<Vec<u8>>,
    },
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ImageError {
    #[error("this is not a JPEG or PNG image")]
    NotAnImage,
    #[error("the image is {width} × {height} pixels; the most Casewright accepts is {MAX_SIDE} × {MAX_SIDE}")]
    TooLarge { width: u32, height: u32 },
    #[error("the image would need more than {} MB to open; use a smaller one", MAX_DECODE_BYTES / 1024 / 1024)]
    TooMuchMemory,
    #[error("the image is {width} × {height} pixels ({} megapixels); the most Casewright opens is {} megapixels in colour: save a smaller copy (3,000 pixels wide prints sharp on a page)", megapixels(*.width, *.height), MAX_DECODE_BYTES / 3 / 1_000_000)]
    TooManyPixels { width: u32, height: u32 },
    #[error("the image file is damaged or incomplete ({0})")]
    Damaged(String),
}

impl ImageError {
    /// A stable identifier for the UI.
    pub fn code(&self) -> crate::ErrorCode {
        match self {
            ImageError::NotAnImage => crate::ErrorCode::NotAnImage,
            ImageError::TooLarge { .. } => crate::ErrorCode::ImageTooLarge,
            ImageError::TooMuchMemory | ImageError::TooManyPixels { .. } => {
                crate::ErrorCode::ImageTooLarge
            }
            ImageError::Damaged(_) => crate::ErrorCode::ImageDamaged,
        }
    }
}

/// A memory ceiling for decoding. The size is checked from the header before any pixel
/// is decoded (see [`prepare`]), so the error can say how big the image claims to be.
fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    limits
}

fn decode_error(error: image::ImageError) -> ImageError {
    match error {
        image::ImageError::Limits(_) => ImageError::TooMuchMemory,
        image::ImageError::Unsupported(_) => ImageError::NotAnImage,
        other => ImageError::Damaged(other.to_string()),
    }
}

/// A decoder for a JPEG or PNG file, recognised by its bytes, with its memory capped and
/// its size checked from the header before any pixel is decoded.
fn open_decoder(bytes: &[u8]) -> Result<(ImageFormat, Box<dyn ImageDecoder + '_>), ImageError> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| ImageError::Damaged(e.to_string()))?;
    let format = match reader.format() {
        Some(format @ (ImageFormat::Jpeg | ImageFormat::Png)) => format,
        _ => return Err(ImageError::NotAnImage),
    };
    // JPEG decoders fill a cut-off file with grey rather than fail; the end-of-image
    // marker tells a whole file from a truncated one.
    if format == ImageFormat::Jpeg && !bytes.windows(2).any(|w| w == [0xFF, 0xD9]) {
        return Err(ImageError::Damaged(
            "the file ends before the picture does".into(),
        ));
    }
    let mut reader = reader;
    reader.limits(limits());
    let decoder = reader.into_decoder().map_err(decode_error)?;
    let (width, height) = decoder.dimensions();
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(ImageError::TooLarge { width, height });
    }
    // The decoder is driven by hand (`from_decoder`), so the reader's `max_alloc` never
    // sees the pixel buffer: its size is checked here, from the header.
    if decoder.total_bytes() > MAX_DECODE_BYTES {
        return Err(ImageError::TooManyPixels { width, height });
    }
    Ok((format, Box::new(decoder)))
}

fn megapixels(width: u32, height: u32) -> u64 {
    (u64::from(width) * u64::from(height) + 500_000) / 1_000_000
}

/// Scales `picture` down to fit `max_w` × `max_h`. A big reduction is an area average
/// (`thumbnail`), which needs no buffer beyond its result; `resize`'s filter keeps a
/// 16-byte-per-pixel copy of the full width, which for a large photo was more memory than
/// the photo itself, so it only runs once the picture is within twice the target.
fn shrink(picture: DynamicImage, max_w: u32, max_h: u32) -> DynamicImage {
    let (w, h) = (picture.width(), picture.height());
    if w <= max_w && h <= max_h {
        return picture;
    }
    if w >= max_w.saturating_mul(2) || h >= max_h.saturating_mul(2) {
        return picture.thumbnail(max_w, max_h);
    }
    picture.resize(max_w, max_h, image::imageops::FilterType::Triangle)
}

/// The most pixels worth embedding along a side placed `points` long.
fn print_pixels(points: f32) -> u32 {
    ((points / 72.0 * PRINT_DPI).ceil() as u32).max(1)
}

/// Decodes the whole picture (within the limits) to prove it is whole, for a file that
/// goes to [`prepare`] without having been stored first (the CLI's `--logo`).
pub fn verify(bytes: &[u8]) -> Result<(), ImageError> {
    let (_, decoder) = open_decoder(bytes)?;
    DynamicImage::from_decoder(decoder).map_err(decode_error)?;
    Ok(())
}

/// Prepares `bytes` (a JPEG or PNG file) to be placed in a box of `box_width` ×
/// `box_height` points.
pub fn prepare(bytes: &[u8], box_width: f32, box_height: f32) -> Result<PreparedImage, ImageError> {
    let (format, mut decoder) = open_decoder(bytes)?;
    let (width, height) = decoder.dimensions();
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let colour = decoder.color_type();

    // The size it will print at, keeping its proportions inside the box.
    let upright = upright_size((width, height), orientation);
    let scale = (box_width / upright.0 as f32).min(box_height / upright.1 as f32);
    let (max_w, max_h) = (
        print_pixels(upright.0 as f32 * scale),
        print_pixels(upright.1 as f32 * scale),
    );
    let sharp_enough = upright.0 <= max_w && upright.1 <= max_h;

    if format == ImageFormat::Jpeg
        && orientation == image::metadata::Orientation::NoTransforms
        && sharp_enough
        && matches!(colour, image::ColorType::Rgb8 | image::ColorType::L8)
    {
        // Not decoded: the headers were read and the end marker found above, and a picture
        // from the project was fully decoded when it was added (see `for_storage`); a
        // file from elsewhere goes through `verify` first. Decoding every photo again on
        // each preview and export would cost more than the rest of the export together.
        return Ok(PreparedImage {
            width,
            height,
            pixels: Pixels::Jpeg {
                bytes: bytes.to_vec(),
                grey: colour == image::ColorType::L8,
            },
        });
    }

    let mut picture = DynamicImage::from_decoder(decoder).map_err(decode_error)?;
    picture.apply_orientation(orientation);
    if !sharp_enough {
        picture = shrink(picture, max_w, max_h);
    }
    let (width, height) = (picture.width(), picture.height());
    if format == ImageFormat::Jpeg {
        let rgb = picture.to_rgb8();
        let mut out = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 88)
            .encode_image(&rgb)
            .map_err(|e| ImageError::Damaged(e.to_string()))?;
        return Ok(PreparedImage {
            width,
            height,
            pixels: Pixels::Jpeg {
                bytes: out,
                grey: false,
            },
        });
    }
    let alpha = picture.color().has_alpha().then(|| {
        picture
            .to_rgba8()
            .pixels()
            .map(|p| p.0[3])
            .collect::<Vec<u8>>()
    });
    Ok(PreparedImage {
        width,
        height,
        pixels: Pixels::Rgb {
            rgb: picture.to_rgb8().into_raw(),
            // Fully opaque alpha is no alpha.
            alpha: alpha.filter(|a| a.iter().any(|&v| v < 255)),
        },
    })
}

/// The longest side a picture is stored at: sharp at 300 dpi across the widest place the
/// briefing prints one (a content column about 6.7 inches wide), and no more.
pub const STORE_MAX_SIDE: u32 = 2_000;
/// The largest picture file kept as it is; a bigger one is re-encoded.
pub const STORE_MAX_BYTES: usize = 4 * 1024 * 1024;

/// A picture as the project file keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredImage {
    pub media_type: &'static str,
    /// Upright size in pixels (after the EXIF orientation).
    pub width: u32,
    pub height: u32,
    pub bytes: Vec<u8>,
}

/// Checks a picture someone chose and makes it fit to keep: a JPEG or PNG, whole, within
/// the size limits. One small enough is kept byte for byte (so its JPEG reaches the PDF
/// unchanged); a bigger one is turned upright and scaled to [`STORE_MAX_SIDE`], so project
/// files stay small enough to send to a colleague.
pub fn for_storage(bytes: &[u8]) -> Result<StoredImage, ImageError> {
    let (format, mut decoder) = open_decoder(bytes)?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let (width, height) = upright_size(decoder.dimensions(), orientation);
    let mut picture = DynamicImage::from_decoder(decoder).map_err(decode_error)?;
    let media_type = match format {
        ImageFormat::Jpeg => "image/jpeg",
        _ => "image/png",
    };
    if width.max(height) <= STORE_MAX_SIDE && bytes.len() <= STORE_MAX_BYTES {
        return Ok(StoredImage {
            media_type,
            width,
            height,
            bytes: bytes.to_vec(),
        });
    }
    picture.apply_orientation(orientation);
    if width.max(height) > STORE_MAX_SIDE {
        picture = shrink(picture, STORE_MAX_SIDE, STORE_MAX_SIDE);
    }
    let mut out = Cursor::new(Vec::new());
    if format == ImageFormat::Jpeg {
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
            .encode_image(&picture.to_rgb8())
            .map_err(|e| ImageError::Damaged(e.to_string()))?;
    } else {
        picture
            .write_to(&mut out, ImageFormat::Png)
            .map_err(|e| ImageError::Damaged(e.to_string()))?;
    }
    Ok(StoredImage {
        media_type,
        width: picture.width(),
        height: picture.height(),
        bytes: out.into_inner(),
    })
}

/// The upright size a stored picture's header declares, read without decoding a pixel:
/// how a received project's pictures are checked before the file is opened (a picture
/// that claims to be small in its row can be a decompression bomb in its bytes).
pub fn stored_size(bytes: &[u8]) -> Result<(u32, u32), ImageError> {
    let (_, mut decoder) = open_decoder(bytes)?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    Ok(upright_size(decoder.dimensions(), orientation))
}

/// A small copy for the app to show (a thumbnail of at most `side` pixels), as a PNG or
/// JPEG file.
pub fn thumbnail(bytes: &[u8], side: u32) -> Result<(&'static str, Vec<u8>), ImageError> {
    let (format, mut decoder) = open_decoder(bytes)?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut picture = DynamicImage::from_decoder(decoder).map_err(decode_error)?;
    picture.apply_orientation(orientation);
    let picture = picture.thumbnail(side, side);
    let mut out = Cursor::new(Vec::new());
    let media_type = if format == ImageFormat::Jpeg {
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
            .encode_image(&picture.to_rgb8())
            .map_err(|e| ImageError::Damaged(e.to_string()))?;
        "image/jpeg"
    } else {
        picture
            .write_to(&mut out, ImageFormat::Png)
            .map_err(|e| ImageError::Damaged(e.to_string()))?;
        "image/png"
    };
    Ok((media_type, out.into_inner()))
}

fn upright_size(
    (width, height): (u32, u32),
    orientation: image::metadata::Orientation,
) -> (u32, u32) {
    use image::metadata::Orientation::*;
    match orientation {
        Rotate90 | Rotate270 | Rotate90FlipH | Rotate270FlipH => (height, width),
        _ => (width, height),
    }
}

impl PreparedImage {
    /// The image as a file a browser can show (the SVG preview): the JPEG itself, or a PNG.
    pub fn as_file(&self) -> (&'static str, Vec<u8>) {
        match &self.pixels {
            Pixels::Jpeg { bytes, .. } => ("image/jpeg", bytes.clone()),
            Pixels::Rgb { rgb, alpha } => {
                let picture: DynamicImage = match alpha {
                    None => image::RgbImage::from_raw(self.width, self.height, rgb.clone())
                        .expect("sizes match")
                        .into(),
                    Some(alpha) => {
                        let rgba: Vec<u8> = rgb
                            .chunks(3)
                            .zip(alpha)
                            .flat_map(|(p, a)| [p[0], p[1], p[2], *a])
                            .collect();
                        image::RgbaImage::from_raw(self.width, self.height, rgba)
                            .expect("sizes match")
                            .into()
                    }
                };
                let mut out = Cursor::new(Vec::new());
                picture
                    .write_to(&mut out, ImageFormat::Png)
                    .expect("encoding a PNG in memory cannot fail");
                ("image/png", out.into_inner())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32, alpha: bool) -> Vec<u8> {
        let picture: DynamicImage = if alpha {
            image::RgbaImage::from_fn(width, height, |x, _| {
                image::Rgba([200, 30, 30, (x % 256) as u8])
            })
            .into()
        } else {
            image::RgbImage::from_fn(width, height, |x, y| {
                image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
            })
            .into()
        };
        let mut out = Cursor::new(Vec::new());
        picture.write_to(&mut out, ImageFormat::Png).unwrap();
        out.into_inner()
    }

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let picture = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 120])
        });
        let mut out = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80)
            .encode_image(&picture)
            .unwrap();
        out
    }

    #[test]
    fn a_jpeg_small_enough_for_its_box_is_embedded_byte_for_byte() {
        let bytes = jpeg(300, 120);
        let prepared = prepare(&bytes, 160.0, 64.0).unwrap();
        assert_eq!((prepared.width, prepared.height), (300, 120));
        assert_eq!(prepared.pixels, Pixels::Jpeg { bytes, grey: false });
    }

    #[test]
    fn a_huge_photo_is_scaled_to_print_resolution_at_its_placed_size() {
        // 3000 px wide in a 144 pt (2 inch) box: 600 px at 300 dpi.
        let prepared = prepare(&jpeg(3000, 1500), 144.0, 144.0).unwrap();
        assert_eq!((prepared.width, prepared.height), (600, 300));
        assert!(matches!(prepared.pixels, Pixels::Jpeg { .. }));
    }

    #[test]
    fn png_transparency_is_kept_and_opaque_pngs_carry_no_alpha() {
        let clear = prepare(&png(40, 20, true), 100.0, 100.0).unwrap();
        let Pixels::Rgb { rgb, alpha } = &clear.pixels else {
            panic!("a PNG stays pixels")
        };
        assert_eq!(rgb.len(), 40 * 20 * 3);
        assert_eq!(alpha.as_ref().unwrap()[..3], [0, 1, 2]);
        let opaque = prepare(&png(40, 20, false), 100.0, 100.0).unwrap();
        assert!(matches!(opaque.pixels, Pixels::Rgb { alpha: None, .. }));
    }

    #[test]
    fn the_file_name_does_not_matter_the_bytes_do() {
        assert_eq!(
            prepare(b"GIF89a not really", 10.0, 10.0),
            Err(ImageError::NotAnImage)
        );
        assert_eq!(
            prepare(b"%PDF-1.7 a report", 10.0, 10.0),
            Err(ImageError::NotAnImage)
        );
        assert_eq!(prepare(&[], 10.0, 10.0), Err(ImageError::NotAnImage));
    }

    #[test]
    fn a_truncated_image_is_reported_as_damaged() {
        let mut bytes = jpeg(200, 200);
        bytes.truncate(bytes.len() / 3);
        assert!(matches!(
            prepare(&bytes, 100.0, 100.0),
            Err(ImageError::Damaged(_))
        ));
        let mut bytes = png(200, 200, false);
        bytes.truncate(bytes.len() / 2);
        assert!(matches!(
            prepare(&bytes, 100.0, 100.0),
            Err(ImageError::Damaged(_))
        ));
    }

    #[test]
    fn a_photo_over_the_pixel_budget_is_refused_with_its_size_before_it_is_decoded() {
        // Within 12,000 on each side, but 9,000 × 9,000 in colour is 243 MB of pixels: a
        // whole header and no pixel data.
        let big = casewright_test_support::png_claiming(9_000, 9_000);
        let error = for_storage(&big).unwrap_err();
        assert_eq!(
            error,
            ImageError::TooManyPixels {
                width: 9_000,
                height: 9_000
            }
        );
        let message = error.to_string();
        assert!(
            message.contains("9000 × 9000 pixels (81 megapixels)"),
            "{message}"
        );
        assert!(message.contains("69 megapixels"), "{message}");
        assert_eq!(error.code(), crate::ErrorCode::ImageTooLarge);
    }

    #[test]
    fn a_big_reduction_and_a_small_one_both_fit_the_box() {
        let wide = DynamicImage::new_rgb8(3_000, 1_000);
        let small = shrink(wide.clone(), 500, 500);
        assert_eq!((small.width(), small.height()), (500, 167));
        let near = shrink(DynamicImage::new_rgb8(900, 300), 600, 600);
        assert_eq!((near.width(), near.height()), (600, 200));
        assert_eq!(shrink(wide, 4_000, 4_000).width(), 3_000, "never enlarged");
    }

    #[test]
    fn a_decompression_bomb_is_refused_before_it_is_decoded() {
        // A valid PNG header declaring 100,000 × 100,000 pixels, and almost no data.
        let mut bomb = png(1, 1, false);
        bomb[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        bomb[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        let error = prepare(&bomb, 100.0, 100.0).unwrap_err();
        assert!(
            matches!(
                error,
                ImageError::TooLarge { .. }
                    | ImageError::TooMuchMemory
                    | ImageError::TooManyPixels { .. }
                    | ImageError::Damaged(_)
            ),
            "{error:?}"
        );
        assert_ne!(error, ImageError::NotAnImage);
    }

    #[test]
    fn exif_orientation_turns_the_photo_upright() {
        // A 40 × 20 JPEG whose EXIF says "rotate 90°": it prints 20 wide, 40 high.
        let plain = jpeg(40, 20);
        let exif: [u8; 34] = [
            0xFF, 0xE1, 0x00, 0x22, b'E', b'x', b'i', b'f', 0, 0, // APP1, length 34
            b'M', b'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, // big-endian TIFF header
            0x00, 0x01, // one entry
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00,
            0x00, // Orientation = 6
            0x00, 0x00, // no next IFD
        ];
        let mut rotated = plain[..2].to_vec();
        rotated.extend_from_slice(&exif);
        rotated.extend_from_slice(&plain[2..]);
        let prepared = prepare(&rotated, 500.0, 500.0).unwrap();
        assert_eq!((prepared.width, prepared.height), (20, 40));
    }
}
