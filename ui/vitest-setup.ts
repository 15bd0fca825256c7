import "@testing-library/jest-dom/vitest";
// Mounts and unmounts components around each test (vitest runs without globals).
import "@testing-library/svelte/vitest";
