package com.example.fleet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A consumer's application: the starter makes its DeviceOperations bean. */
@SpringBootApplication
public class FleetApplication {
  public static void main(String[] args) {
    SpringApplication.run(FleetApplication.class, args);
  }
}
