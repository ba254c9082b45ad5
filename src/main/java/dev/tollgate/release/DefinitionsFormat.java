package dev.tollgate.release;

/** The two JSON shapes CodePipeline's ECS deploy actions read an image from. */
public enum DefinitionsFormat {
    /** {@code [{"name": "web", "imageUri": "…"}, …]}, read by the "Amazon ECS" (rolling) deploy action. */
    IMAGE_DEFINITIONS,
    /** {@code {"ImageURI": "…"}}, read by the "Amazon ECS (Blue/Green)" CodeDeploy action; names no container. */
    IMAGE_DETAIL
}
