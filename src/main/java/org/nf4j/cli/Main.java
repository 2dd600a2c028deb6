package org.nf4j.cli;
public final class Main { public static void main(String[] a) { System.out.println("nf4j"); } }
