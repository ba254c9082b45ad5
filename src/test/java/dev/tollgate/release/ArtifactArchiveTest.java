package dev.tollgate.release;

import static dev.tollgate.release.RawZip.file;
import static dev.tollgate.release.Zips.zip;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A corpus of honest, broken and hostile build artifacts, each with the exact answer expected. */
class ArtifactArchiveTest {

    static final String ECR = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";
    static final String DIGEST = "sha256:" + "3e".repeat(32);
    static final String ONE_CONTAINER = "[{\"name\":\"web\",\"imageUri\":\"" + ECR + "/shop/web:2.1.0\"}]";

    static ReleaseArtifact read(byte[] zip) throws ArtifactProblem, IOException {
        return ArtifactArchive.read(new ByteArrayInputStream(zip));
    }

    static ArtifactProblem problemReading(byte[] zip) {
        return problemReading(zip, ArtifactLimits.defaults());
    }

    static ArtifactProblem problemReading(byte[] zip, ArtifactLimits limits) {
        return catchThrowableOfType(ArtifactProblem.class, () -> ArtifactArchive.read(new ByteArrayInputStream(zip), limits));
    }

    @Nested
    class HonestArtifacts {

        @Test
        void readsImageDefinitionsAtTheTopLevelOfAJdkWrittenZipWithDataDescriptors() throws Exception {
            ReleaseArtifact artifact = read(zip().with("imagedefinitions.json", ONE_CONTAINER).bytes());

            assertThat(artifact.entryPath()).isEqualTo("imagedefinitions.json");
            assertThat(artifact.atTopLevel()).isTrue();
            assertThat(artifact.definitions().source()).isEqualTo(DefinitionsFile.IMAGE_DEFINITIONS);
            assertThat(artifact.definitions().containers()).singleElement()
                    .satisfies(c -> assertThat(c.image()).hasToString(ECR + "/shop/web:2.1.0"));
            assertThat(artifact.otherCandidates()).isEmpty();
        }

        @Test
        void readsSeveralContainersWithUnknownFieldsDigestOnlyUrisAndForeignRegistries() throws Exception {
            String json = """
                    [{"name":"web","imageUri":"%s/shop/web@%s","memoryReservation":512},
                     {"name":"proxy","imageUri":"docker.io/library/nginx:1.27"},
                     {"name":"tools","imageUri":"ghcr.io/acme/tools:3"},
                     {"name":"cache","imageUri":"registry.local:5000/team/app:1.2"}]""".formatted(ECR, DIGEST);

            ReleaseArtifact artifact = read(zip().with("appspec.yaml", "version: 0.0").with("imagedefinitions.json", json).bytes());

            assertThat(artifact.definitions().containers()).extracting(c -> c.image().registry())
                    .containsExactly(ECR, "docker.io", "ghcr.io", "registry.local:5000");
            assertThat(artifact.definitions().container("web").orElseThrow().image().digest()).contains(DIGEST);
        }

        @Test
        void readsImageDetailForBlueGreenDeployments() throws Exception {
            ReleaseArtifact artifact = read(zip().with("imageDetail.json", "{\"ImageURI\":\"" + ECR + "/shop/web@" + DIGEST + "\"}").bytes());

            assertThat(artifact.entryPath()).isEqualTo("imageDetail.json");
            assertThat(artifact.definitions().source().format()).isEqualTo(DefinitionsFormat.IMAGE_DETAIL);
            assertThat(artifact.definitions().containers().get(0).containerName()).isEmpty();
        }

        @Test
        void prefersImageDefinitionsWhenBothFilesArePresentAndReportsTheOther() throws Exception {
            ReleaseArtifact artifact = read(zip()
                    .with("imageDetail.json", "{\"ImageURI\":\"nginx:1\"}")
                    .with("imagedefinitions.json", ONE_CONTAINER)
                    .bytes());

            assertThat(artifact.entryPath()).isEqualTo("imagedefinitions.json");
            assertThat(artifact.otherCandidates()).containsExactly("imageDetail.json");
        }

        @Test
        void honoursAPipelineChosenFileName() throws Exception {
            DefinitionsFile custom = new DefinitionsFile("web-images.json", DefinitionsFormat.IMAGE_DEFINITIONS);

            ReleaseArtifact artifact = ArtifactArchive.read(new ByteArrayInputStream(zip()
                    .with("imagedefinitions.json", "[]")
                    .with("web-images.json", ONE_CONTAINER)
                    .bytes()), ArtifactLimits.defaults(), List.of(custom));

            assertThat(artifact.entryPath()).isEqualTo("web-images.json");
            assertThat(artifact.definitions().source()).isEqualTo(custom);
        }

        @Test
        void acceptsASingleCopyInAFolderAndSaysItIsNotAtTheTopLevel() throws Exception {
            ReleaseArtifact artifact = read(zip().withFolder("build").with("build/imagedefinitions.json", ONE_CONTAINER).bytes());

            assertThat(artifact.entryPath()).isEqualTo("build/imagedefinitions.json");
            assertThat(artifact.atTopLevel()).isFalse();
        }

        @Test
        void prefersTheTopLevelCopyOverOneInAFolderAndReportsTheOther() throws Exception {
            ReleaseArtifact artifact = read(zip()
                    .with("old/imagedefinitions.json", "[{\"name\":\"web\",\"imageUri\":\"nginx:old\"}]")
                    .with("imagedefinitions.json", ONE_CONTAINER)
                    .bytes());

            assertThat(artifact.entryPath()).isEqualTo("imagedefinitions.json");
            assertThat(artifact.otherCandidates()).containsExactly("old/imagedefinitions.json");
        }

        @Test
        void readsWindowsSeparatorsAndDotSegmentsAsTheSamePath() throws Exception {
            ReleaseArtifact artifact = read(zip().with(".\\build\\imagedefinitions.json", ONE_CONTAINER).bytes());

            assertThat(artifact.entryPath()).isEqualTo("build/imagedefinitions.json");
        }

        @Test
        void readsStoredZip64AndDeflatedEntries() throws Exception {
            byte[] stored = new RawZip().add(file("imagedefinitions.json", ONE_CONTAINER).stored()).bytes();
            byte[] zip64 = new RawZip().zip64().add(file("a.txt", "a")).add(file("imagedefinitions.json", ONE_CONTAINER)).bytes();

            assertThat(read(stored).definitions().containers()).hasSize(1);
            assertThat(read(zip64).definitions().containers()).hasSize(1);
        }

        @Test
        void skipsASymbolicLinkNamedLikeTheDefinitionsFile() throws Exception {
            byte[] zip = new RawZip()
                    .add(file("imagedefinitions.json", "/etc/passwd").stored().symlink())
                    .add(file("build/imagedefinitions.json", ONE_CONTAINER))
                    .bytes();

            assertThat(read(zip).entryPath()).isEqualTo("build/imagedefinitions.json");
        }

        @Test
        void readsA10MbArtifactQuicklyWithoutUnpackingItsLargeEntry() {
            byte[] large = new byte[10 * 1024 * 1024];
            new Random(42).nextBytes(large);
            byte[] zip = zip().withStored("app.tar", large).with("imagedefinitions.json", ONE_CONTAINER).bytes();

            ReleaseArtifact artifact = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> read(zip));

            assertThat(artifact.definitions().containers()).hasSize(1);
        }

        @Test
        void doesNotCloseOrReadPastTheEndOfTheStreamLimit() throws Exception {
            CountingStream stream = new CountingStream(new ByteArrayInputStream(zip().with("imagedefinitions.json", ONE_CONTAINER).bytes()));

            ArtifactArchive.read(stream);

            assertThat(stream.closed).isFalse();
        }
    }

    @Nested
    class NotZips {

        @Test
        void rejectsBytesThatAreNotAZip() {
            ArtifactProblem problem = problemReading("Hello, this is a text file and not a zip".getBytes(UTF_8));

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.NOT_A_ZIP);
            assertThat(problem).hasMessage("The artifact is not a zip archive");
        }

        @Test
        void rejectsZeroBytes() {
            ArtifactProblem problem = problemReading(new byte[0]);

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.NOT_A_ZIP);
            assertThat(problem).hasMessage("The artifact is not a zip archive: it is empty (0 bytes)");
        }

        @Test
        void recognisesARawDefinitionsFileUploadedWithoutZipping() {
            ArtifactProblem problem = problemReading(ONE_CONTAINER.getBytes(UTF_8));

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.NOT_A_ZIP);
            assertThat(problem).hasMessage("The artifact is not a zip archive: it looks like JSON; "
                    + "CodePipeline passes build output between actions as zip files");
        }

        @Test
        void recognisesAGzipFile() {
            ArtifactProblem problem = problemReading(new byte[] {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0});

            assertThat(problem).hasMessage("The artifact is not a zip archive: it looks like a gzip file");
        }
    }

    @Nested
    class EmptyAndMissing {

        @Test
        void rejectsAnEmptyZip() {
            ArtifactProblem problem = problemReading(zip().bytes());

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.EMPTY_ARCHIVE);
            assertThat(problem).hasMessage("The artifact zip is empty: it contains no files");
        }

        @Test
        void rejectsAZipOfOnlyFolders() {
            ArtifactProblem problem = problemReading(zip().withFolder("build").withFolder("build/out").bytes());

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.EMPTY_ARCHIVE);
            assertThat(problem).hasMessage("The artifact zip contains no files, only folders or links");
        }

        @Test
        void listsWhatItFoundWhenTheDefinitionsFileIsMissing() {
            ArtifactProblem problem = problemReading(zip().with("appspec.yaml", "x").with("taskdef.json", "{}").bytes());

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.DEFINITIONS_NOT_FOUND);
            assertThat(problem).hasMessage("The artifact contains neither imagedefinitions.json nor imageDetail.json. "
                    + "It holds 2 files: 'appspec.yaml', 'taskdef.json'");
        }

        @Test
        void listsOnlyTheFirstTenNamesOfALargeArtifact() {
            Zips zip = zip();
            for (int i = 1; i <= 15; i++) {
                zip.with("file" + i + ".txt", "x");
            }

            ArtifactProblem problem = problemReading(zip.bytes());

            assertThat(problem.getMessage()).endsWith("It holds 15 files: 'file1.txt', 'file2.txt', 'file3.txt', 'file4.txt', "
                    + "'file5.txt', 'file6.txt', 'file7.txt', 'file8.txt', 'file9.txt', 'file10.txt' and 5 more");
        }

        @Test
        void saysWhenTheOnlyDefinitionsFileIsASymbolicLink() {
            byte[] zip = new RawZip()
                    .add(file("imagedefinitions.json", "../../secrets.json").stored().symlink())
                    .add(file("readme.md", "hi"))
                    .bytes();

            ArtifactProblem problem = problemReading(zip);

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.DEFINITIONS_NOT_FOUND);
            assertThat(problem).hasMessage("The artifact contains neither imagedefinitions.json nor imageDetail.json "
                    + "('imagedefinitions.json' is a symbolic link, which Tollgate does not follow). It holds 1 file: 'readme.md'");
        }

        @Test
        void escapesInvisibleCharactersInTheNamesItLists() {
            ArtifactProblem problem = problemReading(zip().with("invoice\u202Efdp.exe", "x").withFolder("imagedefinitions.json").bytes());

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.DEFINITIONS_NOT_FOUND);
            assertThat(problem.getMessage()).endsWith("It holds 1 file: 'invoice\\u202Efdp.exe'").doesNotContain("\u202E");
        }

        @Test
        void doesNotMatchFileNamesThatDifferOnlyInCase() {
            ArtifactProblem problem = problemReading(zip().with("ImageDefinitions.json", ONE_CONTAINER).bytes());

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.DEFINITIONS_NOT_FOUND);
            assertThat(problem.getMessage()).endsWith("It holds 1 file: 'ImageDefinitions.json'");
        }
    }

    @Nested
    class Ambiguity {

        @Test
        void rejectsTheSameEntryNameTwice() {
            byte[] zip = new RawZip()
                    .add(file("imagedefinitions.json", ONE_CONTAINER))
                    .add(file("imagedefinitions.json", "[{\"name\":\"web\",\"imageUri\":\"evil.example/web:1\"}]"))
                    .bytes();

            ArtifactProblem problem = problemReading(zip);

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.AMBIGUOUS_DEFINITIONS);
            assertThat(problem).hasMessage("The artifact contains imagedefinitions.json 2 times at its top level "
                    + "('imagedefinitions.json', 'imagedefinitions.json'); Tollgate cannot tell which one would be deployed");
        }

        @Test
        void rejectsTwoSpellingsOfTheSameTopLevelPath() {
            ArtifactProblem problem = problemReading(zip().with("imagedefinitions.json", ONE_CONTAINER)
                    .with("./imagedefinitions.json", ONE_CONTAINER).bytes());

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.AMBIGUOUS_DEFINITIONS);
            assertThat(problem.getMessage()).contains("('imagedefinitions.json', './imagedefinitions.json')");
        }

        @Test
        void rejectsCopiesInTwoFoldersWhenNoneIsAtTheTopLevel() {
            ArtifactProblem problem = problemReading(zip().with("a/imagedefinitions.json", ONE_CONTAINER)
                    .with("b/imagedefinitions.json", ONE_CONTAINER).bytes());

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.AMBIGUOUS_DEFINITIONS);
            assertThat(problem).hasMessage("The artifact contains imagedefinitions.json 2 times inside folders and not at its "
                    + "top level ('a/imagedefinitions.json', 'b/imagedefinitions.json'); Tollgate cannot tell which one would be deployed");
        }

        @Test
        void rejectsTwoCopiesInTheSameFolder() {
            byte[] zip = new RawZip()
                    .add(file("build/imagedefinitions.json", ONE_CONTAINER))
                    .add(file("build/imagedefinitions.json", ONE_CONTAINER))
                    .bytes();

            ArtifactProblem problem = problemReading(zip);

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.AMBIGUOUS_DEFINITIONS);
            assertThat(problem.getMessage()).contains("2 times inside folders and not at its top level");
        }

        @Test
        void listsOnlyTheFirstTenOfManyDuplicates() {
            RawZip raw = new RawZip();
            for (int i = 0; i < 1_000; i++) {
                raw.add(file("imagedefinitions.json", ONE_CONTAINER));
            }

            ArtifactProblem problem = problemReading(raw.bytes());

            assertThat(problem.getMessage()).startsWith("The artifact contains imagedefinitions.json 1,000 times at its top level")
                    .contains(" and 990 more); Tollgate cannot tell which one would be deployed");
        }
    }

    @Nested
    class UnsafePaths {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "../evil.sh              | The artifact contains an entry '../evil.sh' whose '..' climbs out of the folder it is extracted to; Tollgate refuses the artifact",
            "build/../../evil.sh     | The artifact contains an entry 'build/../../evil.sh' whose '..' climbs out",
            "..\\evil.bat            | The artifact contains an entry '..\\evil.bat' whose '..' climbs out",
            "/etc/cron.d/evil        | The artifact contains an entry with the absolute path '/etc/cron.d/evil'; extracting it could write anywhere on the machine, so Tollgate refuses the artifact",
            "C:\\Windows\\evil.dll   | The artifact contains an entry with the absolute path 'C:\\Windows\\evil.dll'",
            "\\\\server\\share\\x    | The artifact contains an entry with the absolute path '\\\\server\\share\\x'",
        })
        void rejectsTheWholeArtifactForAnEntryThatEscapesItsFolder(String name, String message) {
            ArtifactProblem problem = problemReading(zip().with("imagedefinitions.json", ONE_CONTAINER).with(name, "x").bytes());

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.UNSAFE_PATH);
            assertThat(problem.getMessage()).startsWith(message);
        }

        @Test
        void rejectsANameWithANulThatCouldTruncateToTheDefinitionsFile() {
            byte[] zip = new RawZip().add(file("imagedefinitions.json\u0000.txt", ONE_CONTAINER)).bytes();

            ArtifactProblem problem = problemReading(zip);

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.UNSAFE_PATH);
            assertThat(problem).hasMessage("The artifact contains an entry named 'imagedefinitions.json\\u0000.txt' with "
                    + "the invisible character U+0000 in its name; Tollgate refuses artifacts with names extractors may misread");
        }

        @Test
        void allowsDotsThatDoNotFormAParentSegment() throws Exception {
            assertThat(read(zip().with("..hidden/a..b", "x").with("imagedefinitions.json", ONE_CONTAINER).bytes()).entryPath())
                    .isEqualTo("imagedefinitions.json");
        }
    }

    @Nested
    class ZipBombs {

        static byte[] zeros(int megabytes) {
            return new byte[megabytes * 1024 * 1024];
        }

        @Test
        void rejectsAnEntryThatCompresses50MbOfZerosWithoutUnpackingIt() {
            byte[] bomb = zip().with("imagedefinitions.json", ONE_CONTAINER).with("payload.bin", zeros(50)).bytes();

            ArtifactProblem problem = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> problemReading(bomb));

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.ZIP_BOMB);
            assertThat(problem.getMessage()).startsWith("The artifact zip looks like a zip bomb: 'payload.bin' would unpack ")
                    .contains(" into 50 MB (").endsWith(" to 1; Tollgate allows 100 to 1)");
        }

        @Test
        void rejectsAZipWhoseEntriesTogetherClaimMoreThanTheTotalLimit() {
            byte[] bomb = zip().with("imagedefinitions.json", ONE_CONTAINER).with("payload.bin", zeros(50)).bytes();
            ArtifactLimits limits = ArtifactLimits.defaults().withMaxCompressionRatio(100_000).withMaxTotalUncompressedBytes(20L * 1024 * 1024);

            ArtifactProblem problem = problemReading(bomb, limits);

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.ZIP_BOMB);
            assertThat(problem).hasMessage("The artifact zip claims to unpack to more than 20 MB in total, the most Tollgate accepts; "
                    + "that is the mark of a zip bomb");
        }

        @Test
        void stopsUnpackingADefinitionsFileThatLiesAboutItsSize() {
            byte[] padded = ("[" + " ".repeat(1024 * 1024) + "]").getBytes(UTF_8);
            byte[] zip = new RawZip().add(file("imagedefinitions.json", padded).claimingSize(300)).bytes();

            ArtifactProblem problem = problemReading(zip);

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.DEFINITIONS_TOO_LARGE);
            assertThat(problem).hasMessage("imagedefinitions.json unpacks to more than 100 KB although the zip claims less; "
                    + "Tollgate stops reading at its limit");
        }

        @Test
        void toleratesHighRatiosInSmallFiles() throws Exception {
            String padded = ONE_CONTAINER + " ".repeat(90 * 1024);

            assertThat(read(zip().with("imagedefinitions.json", padded).bytes()).definitions().containers()).hasSize(1);
        }
    }

    @Nested
    class Limits {

        @Test
        void rejectsADefinitionsFileOver100Kb() {
            String big = "[{\"name\":\"web\",\"imageUri\":\"nginx:1\",\"pad\":\"" + "x".repeat(240 * 1024 - 50) + "\"}]";
            byte[] json = Arrays.copyOf(big.getBytes(UTF_8), 240 * 1024);

            ArtifactProblem problem = problemReading(zip().with("imagedefinitions.json", json).bytes());

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.DEFINITIONS_TOO_LARGE);
            assertThat(problem).hasMessage("imagedefinitions.json is 240 KB, over the 100 KB limit Tollgate reads");
        }

        @Test
        void rejectsAnArtifactOverTheSizeLimit() {
            byte[] large = new byte[2 * 1024 * 1024];
            new Random(7).nextBytes(large);

            ArtifactProblem problem = problemReading(zip().withStored("big.bin", large).bytes(),
                    ArtifactLimits.defaults().withMaxArchiveBytes(1024 * 1024));

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.ARCHIVE_TOO_LARGE);
            assertThat(problem).hasMessage("The artifact is larger than 1 MB, the most Tollgate reads; a deploy artifact usually needs a few KB");
        }

        @Test
        void stopsReadingAnEndlessStreamAtTheArchiveLimit() {
            CountingStream endless = new CountingStream(new EndlessZipLikeStream());

            ArtifactProblem problem = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> catchThrowableOfType(ArtifactProblem.class, () -> ArtifactArchive.read(endless)));

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.ARCHIVE_TOO_LARGE);
            assertThat(problem.getMessage()).startsWith("The artifact is larger than 20 MB");
            assertThat(endless.read.get()).isEqualTo(20L * 1024 * 1024 + 1);
        }

        @Test
        void rejectsMoreEntriesThanTheLimit() {
            Zips zip = zip();
            for (int i = 0; i < 6; i++) {
                zip.with("f" + i, "x");
            }

            ArtifactProblem problem = problemReading(zip.bytes(), ArtifactLimits.defaults().withMaxEntries(5));

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.TOO_MANY_ENTRIES);
            assertThat(problem).hasMessage("The artifact zip has 6 entries, more than the 5 Tollgate reads");
        }
    }

    @Nested
    class DamagedZips {

        @ParameterizedTest(name = "cut at {0}%")
        @ValueSource(ints = {10, 50, 90, 99})
        void rejectsATruncatedZip(int percent) {
            byte[] whole = zip().with("appspec.yaml", "version: 0.0").with("imagedefinitions.json", ONE_CONTAINER).bytes();

            ArtifactProblem problem = problemReading(Arrays.copyOf(whole, whole.length * percent / 100));

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.TRUNCATED_ARCHIVE);
            assertThat(problem).hasMessage("The artifact zip is incomplete: it stops before the directory every zip ends with, "
                    + "so the upload or download was probably cut short");
        }

        @Test
        void rejectsAZipCutRightAfterItsLastEntryWhichStreamingReadersAccept() {
            byte[] whole = new RawZip().add(file("imagedefinitions.json", ONE_CONTAINER)).bytes();
            int directoryStart = indexOf(whole, new byte[] {'P', 'K', 1, 2});

            ArtifactProblem problem = problemReading(Arrays.copyOf(whole, directoryStart));

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.TRUNCATED_ARCHIVE);
        }

        @Test
        void rejectsDataThatFailsItsChecksum() {
            byte[] zip = new RawZip().add(file("imagedefinitions.json", ONE_CONTAINER).claimingCrc(0x12345678L)).bytes();

            ArtifactProblem problem = problemReading(zip);

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.CORRUPT_ARCHIVE);
            assertThat(problem).hasMessage("The artifact zip is damaged: imagedefinitions.json fails its checksum, so its content is not what was zipped");
        }

        @Test
        void rejectsALocalHeaderThatNamesAnotherFileThanTheDirectory() {
            byte[] zip = new RawZip().add(file("imagedefinitions.json", ONE_CONTAINER).localName("imagedefinitions.jsoN")).bytes();

            ArtifactProblem problem = problemReading(zip);

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.CORRUPT_ARCHIVE);
            assertThat(problem).hasMessage("The artifact zip is damaged: the zip's directory and the entry's own header disagree "
                    + "about the name of imagedefinitions.json");
        }

        @Test
        void rejectsDamagedCompressedData() {
            byte[] zip = new RawZip().add(file("imagedefinitions.json", ONE_CONTAINER.repeat(3))).bytes();
            int data = 30 + "imagedefinitions.json".length();
            for (int i = data; i < data + 8; i++) {
                zip[i] = (byte) 0xFF;
            }

            ArtifactProblem problem = problemReading(zip);

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.CORRUPT_ARCHIVE);
            assertThat(problem.getMessage()).startsWith("The artifact zip is damaged: ");
        }

        @Test
        void rejectsADirectoryThatPointsOutsideTheFile() {
            byte[] zip = new RawZip().add(file("imagedefinitions.json", ONE_CONTAINER)).bytes();
            zip[zip.length - 6] = (byte) 0xF0; // central directory offset, high byte region

            ArtifactProblem problem = problemReading(zip);

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.CORRUPT_ARCHIVE);
            assertThat(problem).hasMessage("The artifact zip is damaged: its directory points outside the file");
        }
    }

    @Nested
    class UnreadableEntries {

        @Test
        void rejectsAnEncryptedDefinitionsFile() {
            ArtifactProblem problem = problemReading(new RawZip().add(file("imagedefinitions.json", ONE_CONTAINER).encrypted()).bytes());

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.UNSUPPORTED_ENTRY);
            assertThat(problem).hasMessage("imagedefinitions.json is encrypted in the artifact zip; Tollgate cannot read it");
        }

        @Test
        void rejectsACompressionMethodItCannotRead() {
            ArtifactProblem problem = problemReading(new RawZip().add(file("imagedefinitions.json", ONE_CONTAINER).method(12)).bytes());

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.UNSUPPORTED_ENTRY);
            assertThat(problem).hasMessage("imagedefinitions.json is compressed with bzip2 (method 12), which Tollgate cannot read; "
                    + "zip tools use deflate by default");
        }
    }

    @Nested
    class DefinitionsInsideTheZip {

        @ParameterizedTest(name = "{1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"name\":\"web\",\"imageUri\":\"nginx\"}    | WRONG_SCHEMA      | imagedefinitions.json must be a JSON array of {\"name\", \"imageUri\"} objects, but it holds an object",
            "[{\"name\":\"web\"}]                         | WRONG_SCHEMA      | Entry 1 in imagedefinitions.json has no \"imageUri\" field",
            "[{\"name\":\"web\",\"imageUri\":true}]       | WRONG_SCHEMA      | Entry 1 in imagedefinitions.json has a \"imageUri\" that is a boolean, not a string",
            "[]                                           | NO_CONTAINERS     | imagedefinitions.json lists no containers, so this release would deploy nothing",
            "[{\"name\":\"web\",\"imageUri\":\"nginx\"}   | INVALID_JSON      | imagedefinitions.json is not valid JSON (line 1, column 35): Unexpected end-of-input: expected close marker for Array",
            "[{\"name\":\"web\",\"imageUri\":\"Nginx\"}]  | INVALID_IMAGE_URI | Container 'web' in imagedefinitions.json has an imageUri that is not a valid image reference: The repository name 'Nginx' must be lowercase",
        })
        void reportsTheDefinitionsProblemWithItsKind(String json, ArtifactProblem.Kind kind, String message) {
            ArtifactProblem problem = problemReading(zip().with("imagedefinitions.json", json).bytes());

            assertThat(problem.kind()).isEqualTo(kind);
            assertThat(problem.getMessage()).startsWith(message);
        }

        @Test
        void rejectsDefinitionsThatAreNotUtf8() {
            byte[] latin1 = "[{\"name\":\"w\u00e9b\",\"imageUri\":\"nginx\"}]".getBytes(StandardCharsets.ISO_8859_1);

            ArtifactProblem problem = problemReading(zip().with("imagedefinitions.json", latin1).bytes());

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.NOT_UTF8);
            assertThat(problem).hasMessage("imagedefinitions.json is not valid UTF-8: the byte 0xE9 at offset 11 does not form a character");
        }

        @Test
        void rejectsDeeplyNestedJsonWithoutOverflowingTheStack() {
            ArtifactProblem problem = problemReading(zip().with("imagedefinitions.json", "[".repeat(100_000)).bytes());

            assertThat(problem.kind()).isEqualTo(ArtifactProblem.Kind.JSON_TOO_DEEP);
            assertThat(problem.getMessage()).startsWith("imagedefinitions.json nests JSON deeper than 32 levels");
        }
    }

    @Test
    void refusesAnEmptyListOfWantedFiles() {
        byte[] zip = zip().with("imagedefinitions.json", ONE_CONTAINER).bytes();

        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> ArtifactArchive.read(zip, ArtifactLimits.defaults(), List.of())))
                .hasMessage("At least one definitions file must be wanted");
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    /** Counts bytes handed out and notices close(). */
    static final class CountingStream extends InputStream {
        final InputStream in;
        final AtomicLong read = new AtomicLong();
        boolean closed;

        CountingStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                read.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                read.addAndGet(n);
            }
            return n;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A zip local header followed by zeros forever. */
    static final class EndlessZipLikeStream extends InputStream {
        private long position;

        @Override
        public int read() {
            return position < 4 ? new byte[] {'P', 'K', 3, 4}[(int) position++] : zero();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            for (int i = 0; i < length; i++) {
                buffer[offset + i] = (byte) read();
            }
            return length;
        }

        private int zero() {
            position++;
            return 0;
        }
    }
}
