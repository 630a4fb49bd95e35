package io.zgnode.tools.keys;

import io.zgnode.evm.types.Address;
import io.zgnode.tools.keys.KeystoreV3.ScryptParams;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Account keys of a node home, one Web3 Secret Storage (v3) file per key in {@code
 * <home>/keyring/<name>.json}: the directory is mode 0700, the files 0600. Only the private key is
 * stored, never the mnemonic it came from: whoever holds the mnemonic can derive it again, and the
 * file stays readable by geth and ethers. Listing needs no password (the address is stored in
 * clear, as geth does); anything that uses the key asks for it.
 */
public final class Keyring {
  public static final String DIR_NAME = "keyring";
  public static final String SUFFIX = ".json";

  /** Names are file names too: no separators, no leading dot (no hidden or relative names). */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");

  private static final Set<PosixFilePermission> DIR_MODE =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE_MODE =
      PosixFilePermissions.fromString("rw-------");

  private final Path dir;

  public Keyring(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  /** The keyring of a node home. */
  public static Keyring inHome(Path home) {
    return new Keyring(home.resolve(DIR_NAME));
  }

  public Path dir() {
    return dir;
  }

  /** Keys that could be read, by name, and one line per file that could not. */
  public record Listing(List<KeyInfo> keys, List<String> problems) {
    public Listing {
      keys = List.copyOf(keys);
      problems = List.copyOf(problems);
    }
  }

  /** Returns {@code name} when it is a valid key name, else fails saying what names may be. */
  public static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new KeyringException(
          "invalid key name '"
              + (name == null ? "" : name)
              + "': use 1 to 64 characters from A-Z a-z 0-9 . _ -, not starting with '.'");
    }
    return name;
  }

  public Path fileOf(String name) {
    return dir.resolve(checkName(name) + SUFFIX);
  }

  public boolean contains(String name) {
    return Files.exists(fileOf(name));
  }

  /** Every key, sorted by name. */
  public Listing list() {
    List<KeyInfo> keys = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return new Listing(keys, problems);
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      ds.forEach(files::add);
    } catch (IOException e) {
      throw new KeyringException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    files.sort(Comparator.comparing(p -> p.getFileName().toString()));
    for (Path f : files) {
      String file = f.getFileName().toString();
      String name = file.substring(0, file.length() - SUFFIX.length());
      if (!NAME.matcher(name).matches()) {
        continue; // not one of ours (a temporary file or a stray copy)
      }
      try {
        keys.add(info(name));
      } catch (KeyringException e) {
        problems.add(e.getMessage());
      }
    }
    return new Listing(keys, problems);
  }

  /** A key's name, stated address and file, without decrypting it. */
  public KeyInfo info(String name) {
    Path file = fileOf(name);
    String json = read(name, file);
    try {
      Address address = KeystoreV3.statedAddress(json);
      if (address == null) {
        throw new KeystoreException("no \"address\"");
      }
      return new KeyInfo(name, address, file);
    } catch (KeystoreException e) {
      throw corrupt(file, e);
    }
  }

  /** The stored keystore JSON of a key, as it is on disk. */
  public String keystoreJson(String name) {
    return read(name, fileOf(name));
  }

  /**
   * Stores a 32-byte private key under {@code name}, encrypted with {@code password}.
   *
   * @throws KeyringException when the name is taken or another key holds the same address
   */
  public KeyInfo add(
      String name, byte[] privateKey, String password, ScryptParams params, SecureRandom random) {
    Path file = fileOf(name);
    if (password.isEmpty()) {
      throw new KeyringException("refusing an empty password");
    }
    if (Files.exists(file)) {
      throw duplicate(name);
    }
    Address address = KeystoreV3.addressOf(privateKey);
    for (KeyInfo k : list().keys()) {
      if (k.address().equals(address)) {
        throw new KeyringException(
            "key '" + k.name() + "' already holds address " + address.toChecksumHex());
      }
    }
    String json = KeystoreV3.encrypt(privateKey, password, params, random);
    ensureDir();
    writeNew(file, json, () -> duplicate(name));
    return new KeyInfo(name, address, file);
  }

  /** Decrypts a key. */
  public byte[] privateKey(String name, String password) {
    Path file = fileOf(name);
    String json = read(name, file);
    try {
      return KeystoreV3.decrypt(json, password);
    } catch (KeystoreException.WrongPassword e) {
      throw new KeyringException("wrong password for key " + name, e);
    } catch (KeystoreException e) {
      throw corrupt(file, e);
    }
  }

  /** Removes a key's file. */
  public void delete(String name) {
    Path file = fileOf(name);
    try {
      Files.delete(file);
    } catch (NoSuchFileException e) {
      throw unknown(name, e);
    } catch (IOException e) {
      throw new KeyringException("cannot delete " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code text} to a new file readable only by its owner (mode 0600 where the file system
   * has POSIX modes); an existing file is never replaced.
   */
  public static void writeSecretFile(Path file, String text) {
    Path parent = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new KeyringException("cannot create " + parent + ": " + e.getMessage(), e);
    }
    writeNew(
        file.toAbsolutePath(),
        text,
        () -> new KeyringException(file + " exists; refusing to overwrite it"));
  }

  private void ensureDir() {
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir.getParent());
        Files.createDirectories(dir, dirMode());
      }
      if (isPosix(dir)) {
        // Also tightens a directory made by hand, since every key's secrecy rests on it.
        Files.setPosixFilePermissions(dir, DIR_MODE);
      }
    } catch (IOException e) {
      throw new KeyringException("cannot create the keyring " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void writeNew(
      Path file, String text, java.util.function.Supplier<KeyringException> exists) {
    Path dir = file.getParent();
    Path tmp = null;
    try {
      tmp =
          isPosix(dir)
              ? Files.createTempFile(
                  dir, ".tmp-", ".part", PosixFilePermissions.asFileAttribute(FILE_MODE))
              : Files.createTempFile(dir, ".tmp-", ".part");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        ch.force(true);
      }
      // Without REPLACE_EXISTING the move fails when the target exists, so a concurrent
      // add of the same name is refused rather than silently replacing a key.
      Files.move(tmp, file);
      tmp = null;
    } catch (FileAlreadyExistsException e) {
      throw exists.get();
    } catch (IOException e) {
      throw new KeyringException("cannot write " + file + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the temporary file holds only ciphertext or was never written
        }
      }
    }
  }

  private String read(String name, Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw unknown(name, e);
    } catch (IOException e) {
      throw new KeyringException("cannot read key file " + file + ": " + e.getMessage(), e);
    }
  }

  private KeyringException unknown(String name, Throwable cause) {
    return new KeyringException("no key named '" + name + "' in " + dir, cause);
  }

  private static KeyringException duplicate(String name) {
    return new KeyringException("a key named '" + name + "' already exists");
  }

  private static KeyringException corrupt(Path file, KeystoreException e) {
    return new KeyringException("corrupt key file " + file + ": " + e.getMessage(), e);
  }

  private static boolean isPosix(Path p) {
    return Files.getFileAttributeView(p, PosixFileAttributeView.class) != null;
  }

  private FileAttribute<?>[] dirMode() {
    return isPosix(dir.getParent())
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIR_MODE)}
        : new FileAttribute<?>[0];
  }
}
