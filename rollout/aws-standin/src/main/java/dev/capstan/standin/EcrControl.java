package dev.capstan.standin;

import dev.capstan.standin.state.EcrState;
import dev.capstan.standin.state.Views;
import dev.capstan.standin.state.World;

import java.util.List;
import java.util.Optional;

/** Seeds and inspects the simulated ECR registry (registry id 123456789012). */
public final class EcrControl {

    /** A believable default image size (about 118 MB). */
    public static final long DEFAULT_IMAGE_SIZE = 123_456_789L;

    private final World world;

    EcrControl(World world) {
        this.world = world;
    }

    /** Puts an image under a tag, creating the repository when needed; the tag moves if another image had it. */
    public ImageView putImage(String repository, String tag, String digest) {
        return putImage(repository, tag, digest, DEFAULT_IMAGE_SIZE);
    }

    public ImageView putImage(String repository, String tag, String digest, long sizeInBytes) {
        synchronized (world) {
            EcrState.Image image = world.ecr.putImage(repository, tag, digest, sizeInBytes, world.now());
            return Views.image(world.ecr.repositories.get(repository), image);
        }
    }

    /**
     * Puts an image index (a multi-architecture image) under a tag: DescribeImages reports the OCI image index media
     * type and BatchGetImage returns the index, one entry per platform ({@code linux/amd64}, {@code linux/arm64/v8}),
     * each pointing at an untagged image in the same repository.
     */
    public ImageView putImageIndex(String repository, String tag, String digest, List<String> platforms) {
        synchronized (world) {
            EcrState.Image index = world.ecr.putImageIndex(repository, tag, digest, platforms, DEFAULT_IMAGE_SIZE,
                    world.now());
            return Views.image(world.ecr.repositories.get(repository), index);
        }
    }

    /** ACTIVE, ARCHIVED (cannot be pulled; listed only on request) or ACTIVATING (being restored). */
    public void setImageStatus(String repository, String digest, String status) {
        synchronized (world) {
            world.ecr.setStatus(repository, digest, status, world.now());
        }
    }

    public RepositoryView createRepository(String name) {
        synchronized (world) {
            return Views.repository(world.ecr, world.ecr.createRepository(name, world.now()));
        }
    }

    public Optional<RepositoryView> repository(String name) {
        synchronized (world) {
            return Optional.ofNullable(world.ecr.repositories.get(name)).map(r -> Views.repository(world.ecr, r));
        }
    }

    public List<RepositoryView> repositories() {
        synchronized (world) {
            return world.ecr.repositories.values().stream().map(r -> Views.repository(world.ecr, r)).toList();
        }
    }

    /** The host in repository URIs, e.g. {@code 127.0.0.1:5000} for a local registry; default the ECR host name. */
    public void setRegistryHost(String host) {
        synchronized (world) {
            world.ecr.registryHost = host;
        }
    }

    public String registryHost() {
        synchronized (world) {
            return world.ecr.registryHost;
        }
    }

    /** The proxyEndpoint GetAuthorizationToken reports; default {@code https://<registry host>}. */
    public void setProxyEndpoint(String url) {
        synchronized (world) {
            world.ecr.proxyEndpoint = url;
        }
    }

    /** The password inside GetAuthorizationToken's {@code AWS:<password>} token. */
    public void setAuthorizationPassword(String password) {
        synchronized (world) {
            world.ecr.password = password;
        }
    }

    public String authorizationPassword() {
        synchronized (world) {
            return world.ecr.password;
        }
    }

    public String registryId() {
        return EcrState.REGISTRY_ID;
    }
}
