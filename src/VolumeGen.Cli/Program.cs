// Placeholder entry point: the commands arrive with issue #6.
return 0;
