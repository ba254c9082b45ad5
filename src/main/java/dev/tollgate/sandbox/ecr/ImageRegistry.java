package dev.tollgate.sandbox.ecr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The sandbox's ECR: repositories and the images builds push to them. */
public final class ImageRegistry {

    private final String accountId;
    private final String region;
    private final Map<String, RepositoryRecord> repositories = new ConcurrentHashMap<>();
    private final Map<String, List<ImageRecord>> images = new ConcurrentHashMap<>();

    public ImageRegistry(String accountId, String region) {
        this.accountId = accountId;
        this.region = region;
    }

    public String accountId() {
        return accountId;
    }

    public RepositoryRecord createRepository(String name, Instant createdAt) {
        return repositories.computeIfAbsent(name, n -> {
            images.put(n, new ArrayList<>());
            return new RepositoryRecord(n, accountId, region, createdAt);
        });
    }

    public Optional<RepositoryRecord> repository(String name) {
        return Optional.ofNullable(repositories.get(name));
    }

    public List<RepositoryRecord> repositories() {
        List<RepositoryRecord> all = new ArrayList<>(repositories.values());
        all.sort(Comparator.comparing(RepositoryRecord::name));
        return all;
    }

    /** Pushes an image; a tag already on another image moves to the new one, as with a mutable repository. */
    public synchronized void push(ImageRecord image) {
        createRepository(image.repositoryName(), image.pushedAt());
        List<ImageRecord> list = images.get(image.repositoryName());
        for (int i = 0; i < list.size(); i++) {
            ImageRecord existing = list.get(i);
            List<String> kept = new ArrayList<>(existing.tags());
            kept.removeAll(image.tags());
            if (kept.size() != existing.tags().size()) {
                list.set(i, existing.withTags(kept));
            }
        }
        list.removeIf(existing -> existing.digest().equals(image.digest()));
        list.add(image);
    }

    /** Images newest first. */
    public synchronized List<ImageRecord> images(String repositoryName) {
        List<ImageRecord> list = new ArrayList<>(images.getOrDefault(repositoryName, List.of()));
        list.sort(Comparator.comparing(ImageRecord::pushedAt).reversed());
        return list;
    }

    public synchronized Optional<ImageRecord> byTag(String repositoryName, String tag) {
        return images(repositoryName).stream().filter(i -> i.tags().contains(tag)).findFirst();
    }

    public synchronized Optional<ImageRecord> byDigest(String repositoryName, String digest) {
        return images(repositoryName).stream().filter(i -> i.digest().equals(digest)).findFirst();
    }
}
