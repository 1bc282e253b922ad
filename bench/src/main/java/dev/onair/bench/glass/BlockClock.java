package dev.onair.bench.glass;

import java.util.Locale;

/**
 * The machine-readable clock burned into the publisher's video, and its decoder.
 *
 * <p>One row of {@link #BLOCKS} square-ish blocks, each black or white: a white and a black reference block at
 * each end (the threshold is the midpoint of the four, so brightness shifts from the encoder or the browser's
 * colour conversion do not matter), 32 data bits (the frame's wall-clock capture time in milliseconds since the
 * epoch, modulo 2^32, least significant bit first) and 8 check bits ({@code value mod 251}). Any single flipped
 * data bit changes the value by a power of two, which is never a multiple of 251, so it always fails the check;
 * random garbage passes with probability about 1/251, and the decoder also requires every block to sit clearly on
 * one side of the threshold.
 *
 * <p>The blocks are drawn by ffmpeg itself ({@link #ffmpegFilter}): {@code setpts} stamps each frame with its
 * capture time (bench/glass.py: a camera clock, {@code RTCSTART + N/30 s}), {@code geq} turns that into one pixel
 * per bit on a 44×2 image, which is scaled up without interpolation and overlaid; then the timestamps are put back
 * to frame numbers so the encoder and the FLV muxer see an ordinary 30 fps stream. One pixel per bit keeps
 * {@code geq} (evaluated per pixel) negligible next to the encoder.
 */
public final class BlockClock {
  public static final int BLOCKS = 44;
  static final int DATA_BITS = 32;
  static final int CHECK_BITS = 8;
  static final int CHECK_MODULUS = 251;
  private static final int FIRST_DATA = 2;
  private static final int FIRST_CHECK = FIRST_DATA + DATA_BITS;
  static final long WRAP = 1L << DATA_BITS;
  /** A block must differ from the threshold by this share of (white − black) to count as a clean bit. */
  static final double MIN_MARGIN = 0.25;

  /** Where the strip sits in the video, in pixels of the encoded picture. */
  public record Geometry(int x, int y, int blockWidth, int blockHeight) {
    public int width() {
      return BLOCKS * blockWidth;
    }
  }

  public static final Geometry DEFAULT = new Geometry(40, 16, 20, 24);

  /** A decoded block row: the 32-bit clock value and how clearly the weakest block read (0..0.5). */
  public record Reading(long value, double margin) {}

  private BlockClock() {}

  /**
   * Decodes one row of block brightness means (any scale: 0..255 RGB or limited-range luma). Null when a reference
   * block is on the wrong side, a block is too close to the threshold, or the check bits disagree.
   */
  public static Reading decode(double[] means) {
    if (means.length != BLOCKS) {
      return null;
    }
    double white = (means[0] + means[BLOCKS - 2]) / 2;
    double black = (means[1] + means[BLOCKS - 1]) / 2;
    double range = white - black;
    if (range < 40) { // no strip in the picture (or a black frame): refuse rather than read noise
      return null;
    }
    double threshold = (white + black) / 2;
    double weakest = Double.MAX_VALUE;
    long value = 0;
    int check = 0;
    for (int i = 0; i < BLOCKS; i++) {
      double margin = Math.abs(means[i] - threshold) / range;
      weakest = Math.min(weakest, margin);
      boolean bit = means[i] > threshold;
      if (i >= FIRST_DATA && i < FIRST_CHECK && bit) {
        value |= 1L << (i - FIRST_DATA);
      } else if (i >= FIRST_CHECK && i < FIRST_CHECK + CHECK_BITS && bit) {
        check |= 1 << (i - FIRST_CHECK);
      }
    }
    boolean referencesOk = means[0] > threshold && means[BLOCKS - 2] > threshold
        && means[1] < threshold && means[BLOCKS - 1] < threshold;
    if (!referencesOk || weakest < MIN_MARGIN || check != value % CHECK_MODULUS) {
      return null;
    }
    return new Reading(value, weakest);
  }

  /** The full epoch milliseconds whose low 32 bits are {@code value}, nearest to {@code nearMillis}. */
  public static long resolve(long value, long nearMillis) {
    long base = nearMillis - Math.floorMod(nearMillis, WRAP) + value;
    if (base - nearMillis > WRAP / 2) {
      base -= WRAP;
    } else if (nearMillis - base > WRAP / 2) {
      base += WRAP;
    }
    return base;
  }

  /** The block brightness the encoder is asked for (limited-range luma), per block index and bit. */
  static int[] expectedLuma(long value) {
    int[] luma = new int[BLOCKS];
    for (int i = 0; i < BLOCKS; i++) {
      boolean white;
      if (i == 0 || i == BLOCKS - 2) {
        white = true;
      } else if (i == 1 || i == BLOCKS - 1) {
        white = false;
      } else if (i < FIRST_CHECK) {
        white = ((value >> (i - FIRST_DATA)) & 1) == 1;
      } else {
        white = (((value % CHECK_MODULUS) >> (i - FIRST_CHECK)) & 1) == 1;
      }
      luma[i] = white ? 235 : 16;
    }
    return luma;
  }

  /**
   * The ffmpeg {@code -filter_complex} that burns the clock into input 0's video and labels the result
   * {@code [v]}. {@code ptsMicros} is the {@code setpts} expression giving a frame's capture time in microseconds
   * since the epoch: the live publisher passes a camera clock anchored on the wall clock, the self-test a known
   * ramp.
   */
  public static String ffmpegFilter(Geometry g, int fps, String ptsMicros) {
    String v = "mod(floor(T*1000)," + WRAP + ")";
    String dataBit = "16+219*mod(floor((" + v + ")/pow(2,X-" + FIRST_DATA + ")),2)";
    String checkBit = "16+219*mod(floor(mod(" + v + "," + CHECK_MODULUS + ")/pow(2,X-" + FIRST_CHECK + ")),2)";
    String lum = String.format(Locale.ROOT,
        "if(lt(X,%d),if(eq(X,0),235,16),if(gt(X,%d),if(eq(X,%d),235,16),if(lt(X,%d),%s,%s)))",
        FIRST_DATA, FIRST_CHECK + CHECK_BITS - 1, BLOCKS - 2, FIRST_CHECK, dataBit, checkBit);
    // commas inside the expression are escaped for the filtergraph parser by quoting
    return "[0:v]settb=1/1000000,setpts=" + ptsMicros + ",split=2[m][c];"
        + "[c]scale=" + BLOCKS + ":2,format=gray,geq=lum='" + lum + "',"
        + "scale=" + g.width() + ":" + g.blockHeight() + ":flags=neighbor[s];"
        + "[m][s]overlay=" + g.x() + ":" + g.y() + ",settb=1/" + fps + ",setpts=N[v]";
  }
}
