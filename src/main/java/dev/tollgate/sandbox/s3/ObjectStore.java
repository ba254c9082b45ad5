package dev.tollgate.sandbox.s3;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The sandbox's S3: buckets of immutable objects, held in memory. */
public final class ObjectStore {

    private final Map<String, Map<String, StoredObject>> buckets = new ConcurrentHashMap<>();

    public void createBucket(String bucket) {
        buckets.computeIfAbsent(bucket, b -> new ConcurrentHashMap<>());
    }

    public boolean bucketExists(String bucket) {
        return buckets.containsKey(bucket);
    }

    public void put(String bucket, String key, StoredObject object) {
        buckets.computeIfAbsent(bucket, b -> new ConcurrentHashMap<>()).put(key, object);
    }

    public Optional<StoredObject> get(String bucket, String key) {
        Map<String, StoredObject> objects = buckets.get(bucket);
        return objects == null ? Optional.empty() : Optional.ofNullable(objects.get(key));
    }

    public int objectCount(String bucket) {
        Map<String, StoredObject> objects = buckets.get(bucket);
        return objects == null ? 0 : objects.size();
    }
}
