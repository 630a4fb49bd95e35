package io.zgnode.evm.precompile;

import ethereum.ckzg4844.CKZG4844JNI;
import ethereum.ckzg4844.CKZGException;

/**
 * Loads the mainnet KZG trusted setup into the c-kzg native library, once per process, on first
 * use. The setup file ships inside this module's jar (copied at build time from the shared folder).
 * c-kzg holds a single process-wide setup, so a setup already loaded by another component of the
 * same process is accepted as is.
 */
public final class KzgTrustedSetup {
  /** The classpath resource of the mainnet trusted setup. */
  public static final String RESOURCE = "/kzg/trusted_setup_mainnet.txt";

  private static volatile boolean loaded;

  private KzgTrustedSetup() {}

  /**
   * Makes sure the native library and the trusted setup are loaded.
   *
   * @throws IllegalStateException when the resource is missing or c-kzg cannot load it; this is an
   *     installation fault, not bad input
   */
  public static void ensureLoaded() {
    if (loaded) {
      return;
    }
    synchronized (KzgTrustedSetup.class) {
      if (loaded) {
        return;
      }
      if (KzgTrustedSetup.class.getResource(RESOURCE) == null) {
        throw new IllegalStateException(
            "KZG trusted setup resource "
                + RESOURCE
                + " is missing from the classpath (the evm build copies it from"
                + " shared/kzg/trusted_setup_mainnet.txt)");
      }
      CKZG4844JNI.loadNativeLibrary();
      try {
        // Precompute 0: the point-evaluation precompile never needs the faster cell proofs.
        CKZG4844JNI.loadTrustedSetupFromResource(RESOURCE, KzgTrustedSetup.class, 0);
      } catch (CKZGException e) {
        if (!isAlreadyLoaded(e)) {
          throw new IllegalStateException(
              "cannot load the KZG trusted setup: " + e.getMessage(), e);
        }
      } catch (RuntimeException e) {
        throw new IllegalStateException("cannot load the KZG trusted setup: " + e.getMessage(), e);
      }
      loaded = true;
    }
  }

  private static boolean isAlreadyLoaded(CKZGException e) {
    String message = e.getMessage();
    return message != null && message.toLowerCase(java.util.Locale.ROOT).contains("already loaded");
  }
}
